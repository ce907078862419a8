import GraphQLKit

/// Composes subgraphs into a join-spec supergraph, checking Apollo Federation 2's composition
/// rules. Subgraphs are taken in name order (the order of `join__Graph`); every problem found
/// is reported with Apollo's error code and one message.
///
/// ```swift
/// let result = composeSupergraph([
///     SubgraphDefinition(name: "accounts", url: "http://127.0.0.1:4001/graphql", sdl: accountsSDL),
///     SubgraphDefinition(name: "reviews", url: "http://127.0.0.1:4002/graphql", sdl: reviewsSDL),
/// ])
/// if let supergraph = result.supergraph { print(supergraph.sdl) } else { print(result.errors) }
/// ```
public func composeSupergraph(_ subgraphs: [SubgraphDefinition]) -> CompositionResult {
    var errors: [CompositionError] = []
    var seen: Set<String> = []
    for subgraph in subgraphs {
        if subgraph.name.isEmpty || subgraph.name == "_" {
            errors.append(CompositionError(code: "INVALID_SUBGRAPH_NAME", message: "Invalid name \"\(subgraph.name)\" for a subgraph: this name is reserved or empty."))
        } else if !seen.insert(subgraph.name).inserted {
            errors.append(CompositionError(code: "INVALID_SUBGRAPH_NAME", message: "A subgraph named \"\(subgraph.name)\" already exists: subgraph names must be unique."))
        }
    }
    if !errors.isEmpty { return .failure(errors) }

    var graphs: [ComposedSubgraph] = []
    var enumValues: Set<String> = []
    for definition in subgraphs.sorted(by: { $0.name < $1.name }) {
        let schema: FederatedSubgraph
        do {
            schema = try FederatedSubgraph(sdl: definition.sdl)
        } catch {
            let code = error.extensions?["code"]?.stringValue ?? "INVALID_GRAPHQL"
            let message = error.message.hasPrefix("[\(code)] ") ? String(error.message.dropFirst(code.count + 3)) : error.message
            errors.append(CompositionError(code: code, message: "[\(definition.name)] \(message)"))
            continue
        }
        for problem in schema.schema.validationErrors {
            errors.append(CompositionError(code: "INVALID_GRAPHQL", message: "[\(definition.name)] \(problem.message)"))
        }
        for problem in schema.federationProblems {
            errors.append(CompositionError(code: problem.code, message: "[\(definition.name)] \(problem.message)"))
        }
        var renames: [String: String] = [:]
        for (operation, standard) in [(OperationType.query, "Query"), (.mutation, "Mutation"), (.subscription, "Subscription")] {
            guard let root = schema.schema.rootTypeName(for: operation) else { continue }
            if root != standard {
                if schema.schema.namedType(standard) != nil {
                    let code = "ROOT_\(operation.rawValue.uppercased())_USED"
                    errors.append(CompositionError(code: code, message: "[\(definition.name)] The schema has a type named \"\(standard)\" but it is not set as the \(operation.rawValue) root type (\"\(root)\" is instead): this is not supported by federation. If a root type does not use its default name, there should be no other type with that default name."))
                }
                renames[root] = standard
            }
        }
        var enumValue = String(definition.name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if let first = enumValue.first, first.isNumber { enumValue = "_" + enumValue }
        while enumValues.contains(enumValue) { enumValue += "_" }
        enumValues.insert(enumValue)
        graphs.append(ComposedSubgraph(name: definition.name, url: definition.url, enumValue: enumValue, schema: schema, rootRenames: renames))
    }
    if !errors.isEmpty { return .failure(errors) }

    var merger = Merger(graphs: graphs)
    merger.merge()
    if !merger.errors.isEmpty { return .failure(merger.errors) }
    do {
        let document = try SupergraphPrinter(merger: merger).document()
        let sdl = SupergraphSDLWriter.write(document)
        return .success(try Supergraph(document: try Parser.parse(sdl), sdl: sdl))
    } catch let error as CompositionError {
        return .failure([error])
    } catch {
        return .failure([CompositionError(code: "INTERNAL", message: "\(error)")])
    }
}
