import GraphQLKit

/// The static data of the graphql-gateways-benchmark scenario (users, products, inventory,
/// reviews), as the facts its subgraphs serve: same ids, names, prices, weights, stock and
/// review texts, same relations (every review's author is user 1; a user's reviews are the
/// first two reviews).
enum BenchmarkData {
    static let users: [JSONValue] = [
        user("1", "Uri Goldshtein", "urigo"), user("2", "Dotan Simha", "dotansimha"), user("3", "Kamil Kisiela", "kamilkisiela"),
        user("4", "Arda Tanrikulu", "ardatan"), user("5", "Gil Gardosh", "gilgardosh"), user("6", "Laurin Quast", "laurin"),
    ]

    static func user(_ id: String, _ name: String, _ username: String) -> JSONValue {
        ["__typename": "User", "id": .string(id), "name": .string(name), "username": .string(username), "birthday": 1234567890]
    }

    /// upc, name, price, weight, inStock.
    static let catalog: [(String, String, Int, Int, Bool)] = [
        ("1", "Table", 899, 100, true), ("2", "Couch", 1299, 1000, false), ("3", "Glass", 15, 20, false),
        ("4", "Chair", 499, 100, false), ("5", "TV", 1299, 1000, true), ("6", "Lamp", 6999, 300, true),
        ("7", "Grill", 3999, 2000, true), ("8", "Fridge", 100000, 6000, false), ("9", "Sofa", 9999, 800, true),
    ]

    static let products: [JSONValue] = catalog.map { row in
        ["__typename": "Product", "upc": .string(row.0), "name": .string(row.1), "price": .int(row.2), "weight": .int(row.3)]
    }

    static func inStock(_ upc: String) -> JSONValue {
        catalog.first { $0.0 == upc }.map { .bool($0.4) } ?? .null
    }

    /// The shipping estimate rule: free above a price of 1000, else half the weight.
    static func shippingEstimate(price: JSONValue?, weight: JSONValue?) -> JSONValue {
        guard case .int(let price)? = price else { return .null }
        if price > 1000 { return 0 }
        guard case .int(let weight)? = weight else { return .null }
        return .int(weight / 2)
    }

    static let lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum."
    static let sedUt = "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi"
    static let sedQuia = "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem."
    static let utEnim = "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem"
    static let atVero = "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat."

    /// id, product upc, body.
    static let reviewRows: [(String, String, String)] = [
        ("1", "1", lorem), ("2", "1", sedUt), ("3", "1", sedQuia), ("4", "1", utEnim), ("5", "2", lorem), ("6", "2", sedUt),
        ("7", "2", sedQuia), ("8", "2", utEnim), ("9", "3", utEnim), ("10", "4", utEnim), ("11", "4", atVero),
    ]

    /// A review as the reviews subgraph returns it: author is user 1 with the provided username.
    static let reviews: [JSONValue] = reviewRows.map { row in
        ["__typename": "Review", "id": .string(row.0), "body": .string(row.2),
         "product": ["__typename": "Product", "upc": .string(row.1)],
         "author": ["__typename": "User", "id": "1", "username": "urigo"]]
    }

    static func reviews(ofProduct upc: String) -> [JSONValue] {
        zip(reviewRows, reviews).filter { $0.0.1 == upc }.map(\.1)
    }

    /// Every user's reviews are the first two reviews.
    static var reviewsOfAnyUser: [JSONValue] { Array(reviews.prefix(2)) }

    static let testQuery = """
        fragment User on User { id username name }
        fragment Review on Review { id body }
        fragment Product on Product { inStock name price shippingEstimate upc weight }
        query TestQuery {
          users { ...User reviews { ...Review product { ...Product } } }
          topProducts { ...Product reviews { ...Review author { ...User } } }
        }
        """
}
