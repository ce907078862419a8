import GraphQLKit
import NIOCore

/// The GraphQL parameters of a request (`query`, `operationName`, `variables`, `extensions`),
/// decoded from a `GET` URL or a `POST` JSON body. Decoding fails with the message the client
/// gets when the request is not a well-formed GraphQL-over-HTTP request.
struct GraphQLRequestParameters: Sendable {
    var query: String
    var operationName: String?
    var variables: JSONObject
    var extensions: JSONObject?

    /// Why a request is not well-formed; `message` goes into the response's `errors`.
    struct Malformed: Error, Sendable {
        var message: String
    }

    /// JSON nesting allowed in bodies and in `variables`/`extensions` URL parameters.
    static let jsonOptions = JSONParseOptions(maxDepth: 256)

    /// Decodes `query=…&operationName=…&variables=…&extensions=…` (the URL query of a `GET`).
    static func decode(urlQuery: String) throws(Malformed) -> GraphQLRequestParameters {
        var query: String?
        var operationName: String?
        var variables: String?
        var extensions: String?
        for pair in urlQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let name = try PercentDecoding.decode(pair[..<equals])
            let value = try PercentDecoding.decode(equals == pair.endIndex ? pair[equals...] : pair[pair.index(after: equals)...])
            switch name {
            case "query": query = value
            case "operationName": operationName = value
            case "variables": variables = value
            case "extensions": extensions = value
            default: break
            }
        }
        guard let query else {
            throw Malformed(message: "The request has no query: send it in the \"query\" URL parameter.")
        }
        return GraphQLRequestParameters(
            query: query,
            operationName: operationName.flatMap { $0.isEmpty ? nil : $0 },
            variables: try variables.map { text throws(Malformed) in try parseObject(text, parameter: "variables") ?? JSONObject() } ?? JSONObject(),
            extensions: try extensions.flatMap { text throws(Malformed) in try parseObject(text, parameter: "extensions") }
        )
    }

    /// Decodes a `POST` body: a JSON object with a string `query` and optional `operationName`
    /// (string), `variables` and `extensions` (objects); `null` counts as absent.
    static func decode(jsonBody body: ByteBuffer) throws(Malformed) -> GraphQLRequestParameters {
        let value: JSONValue
        do {
            value = try JSONValue.parse(utf8: body.readableBytesView, options: jsonOptions)
        } catch {
            throw Malformed(message: "The request body is not valid JSON: \(error.description).")
        }
        guard case .object(let object) = value else {
            throw Malformed(message: "The request body must be a JSON object with a \"query\" string.")
        }
        let query: String
        switch object["query"] {
        case .string(let text)?: query = text
        case nil, .null?: throw Malformed(message: "The request has no query: the JSON body needs a \"query\" string.")
        default: throw Malformed(message: "\"query\" must be a string.")
        }
        let operationName: String?
        switch object["operationName"] {
        case .string(let name)?: operationName = name
        case nil, .null?: operationName = nil
        default: throw Malformed(message: "\"operationName\" must be a string or null.")
        }
        return GraphQLRequestParameters(
            query: query,
            operationName: operationName,
            variables: try objectEntry(object, "variables") ?? JSONObject(),
            extensions: try objectEntry(object, "extensions")
        )
    }

    private static func objectEntry(_ object: JSONObject, _ key: String) throws(Malformed) -> JSONObject? {
        switch object[key] {
        case .object(let entry)?: return entry
        case nil, .null?: return nil
        default: throw Malformed(message: "\"\(key)\" must be an object or null.")
        }
    }

    private static func parseObject(_ text: String, parameter: String) throws(Malformed) -> JSONObject? {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text, options: jsonOptions)
        } catch {
            throw Malformed(message: "The \"\(parameter)\" URL parameter is not valid JSON: \(error.description).")
        }
        switch value {
        case .object(let object): return object
        case .null: return nil
        default: throw Malformed(message: "The \"\(parameter)\" URL parameter must be a JSON object.")
        }
    }
}
