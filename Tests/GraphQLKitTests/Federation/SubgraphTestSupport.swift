import Testing
@testable import GraphQLKit

/// Records the batches the reference resolvers receive.
final class BatchLog: Sendable {
    let batches = Locked<[[String]]>([])

    func record(_ typename: String, _ keys: [String]) {
        batches.withLock { $0.append([typename] + keys) }
    }

    var recorded: [[String]] { batches.withLock { $0 } }
}

/// Runs `query` on `schema` and returns the serialized response.
func respond<Context: Sendable>(_ schema: ExecutableSchema<Context>, _ query: String, variables: JSONObject = JSONObject(),
                                context: Context) async -> String {
    let response = await schema.execute(GraphQLRequest(query: query, variables: variables), context: context)
    return String(decoding: response.serialized(), as: UTF8.self)
}

/// The message of the error building a subgraph throws (nil if it builds).
func subgraphError(_ sdl: String) -> GraphQLError? {
    do {
        _ = try ExecutableSchema<Void>.subgraph(sdl: sdl)
        return nil
    } catch {
        return error
    }
}

/// The federation problem codes of a subgraph SDL.
func problemCodes(_ sdl: String) throws -> [String] {
    try FederatedSubgraph(sdl: sdl).federationProblems.map(\.code)
}

let federation2Link = #"extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@inaccessible", "@override", "@tag", "@interfaceObject", "@composeDirective"])"#
