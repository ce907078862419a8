import GraphQLKit

// The workloads of issue 3, served the way GraphQLKit serves in-memory data fastest: Swift
// structs marked `GraphQLObject`, fields resolved by key paths (`type(_:as:)` +
// `field(_:_:)`), executed from a prepared document whose plan is cached. The data is built
// exactly as Benchmarks/graphql-js-execution.js builds it, so both produce the same bytes
// (`graphql-execution-benchmarks output W5` prints ours).

struct Item: GraphQLObject {
    let id: String
    let name: String
    let price: Double
    let inStock: Bool
    let tags: [String]
}

struct User: GraphQLObject {
    let id: String
    let name: String
    let email: String
    let posts: [Post]
}

struct Post: GraphQLObject {
    let id: String
    let title: String
    let body: String
    let comments: [Comment]
}

struct Comment: GraphQLObject {
    let id: String
    let text: String
    let author: String
}

/// W5: `{ items { id name price inStock tags } }` over 1000 items with 3 tags each.
enum ItemsWorkload {
    static let sdl = "type Query { items: [Item!]! } type Item { id: ID! name: String! price: Float! inStock: Boolean! tags: [String!]! }"
    static let query = "{ items { id name price inStock tags } }"

    static let items: [Item] = (0..<1000).map { index in
        Item(id: String(index), name: "Item \(index)", price: Double(index) * 1.5, inStock: index % 2 == 0, tags: ["a\(index)", "b", "c"])
    }

    static func schema() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        let items = Self.items
        resolvers.query { query in
            query.field("items") { _, _ in items }
        }
        resolvers.type("Item", as: Item.self) { item in
            item.field("id", \.id)
            item.field("name", \.name)
            item.field("price", \.price)
            item.field("inStock", \.inStock)
            item.field("tags", \.tags)
        }
        return try ExecutableSchema(sdl: sdl, resolvers: resolvers)
    }
}

/// W6: 100 users × 10 posts × 5 comments, 3 scalar fields at each level.
enum NestedWorkload {
    static let sdl = """
        type Query { users: [User!]! }
        type User { id: ID! name: String! email: String! posts: [Post!]! }
        type Post { id: ID! title: String! body: String! comments: [Comment!]! }
        type Comment { id: ID! text: String! author: String! }
        """
    static let query = "{ users { id name email posts { id title body comments { id text author } } } }"

    static let users: [User] = (0..<100).map { user in
        User(id: "u\(user)", name: "name \(user)", email: "u\(user)@x.org", posts: (0..<10).map { post in
            Post(id: "p\(user)-\(post)", title: "title \(post)", body: "body \(post)", comments: (0..<5).map { comment in
                Comment(id: "c\(user)-\(post)-\(comment)", text: "text \(comment)", author: "a\(comment)")
            })
        })
    }

    static func schema() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        let users = Self.users
        resolvers.query { query in
            query.field("users") { _, _ in users }
        }
        resolvers.type("User", as: User.self) { user in
            user.field("id", \.id)
            user.field("name", \.name)
            user.field("email", \.email)
            user.field("posts", \.posts)
        }
        resolvers.type("Post", as: Post.self) { post in
            post.field("id", \.id)
            post.field("title", \.title)
            post.field("body", \.body)
            post.field("comments", \.comments)
        }
        resolvers.type("Comment", as: Comment.self) { comment in
            comment.field("id", \.id)
            comment.field("text", \.text)
            comment.field("author", \.author)
        }
        return try ExecutableSchema(sdl: sdl, resolvers: resolvers)
    }
}

/// W7: parse + validate + execute `query($id: ID!) { user(id: $id) { id name posts(first: 3) { title } } }`.
enum LookupWorkload {
    static let sdl = """
        type Query { user(id: ID!): User }
        type User { id: ID! name: String! email: String! posts(first: Int = 10): [Post!]! }
        type Post { id: ID! title: String! body: String! comments: [Comment!]! }
        type Comment { id: ID! text: String! author: String! }
        """
    static let query = "query($id: ID!) { user(id: $id) { id name posts(first: 3) { title } } }"
    static let variables: JSONObject = ["id": "u42"]

    static func schema(validator: DocumentValidator) throws -> ExecutableSchema<Void> {
        var byID: [String: User] = [:]
        for user in NestedWorkload.users { byID[user.id] = user }
        let users = byID
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("user") { args, _ in users[try args.string("id")] }
        }
        resolvers.type("User", as: User.self) { user in
            user.field("id", \.id)
            user.field("name", \.name)
            user.field("email", \.email)
            user.field("posts") { user, args, _ in Array(user.posts.prefix(args.int("first") ?? 10)) }
        }
        resolvers.type("Post", as: Post.self) { post in
            post.field("id", \.id)
            post.field("title", \.title)
            post.field("body", \.body)
            post.field("comments", \.comments)
        }
        return try ExecutableSchema(sdl: sdl, resolvers: resolvers, options: ExecutionOptions(validator: validator))
    }
}
