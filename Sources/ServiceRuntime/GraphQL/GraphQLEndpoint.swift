import Foundation
import GraphQLKit
import HTTPKit
import NIOCore
import NIOHTTP1

/// GraphQL over HTTP for one service: `POST` with a JSON body `{"query","operationName","variables"}`
/// or `GET ?query=…&operationName=…&variables=…` (queries only), answered with the GraphQL response
/// as `application/json`. The request's context (caller, per-request loaders) is made by
/// `makeContext`; an ``AuthError`` from it becomes a GraphQL error with `extensions.code`.
///
/// It is the runtime's adapter until the `GraphQLHTTP` module (`HTTPRouter.addGraphQL`) lands;
/// services only call ``ServiceHost/mountGraphQL(_:makeContext:)``, so the swap is local.
public struct GraphQLEndpoint<Context: Sendable>: HTTPResponder {
    /// What `makeContext` sees of the request.
    public typealias MakeContext = @Sendable (HTTPRequest) async throws -> Context

    private let schema: ExecutableSchema<Context>
    private let makeContext: MakeContext

    public init(schema: ExecutableSchema<Context>, makeContext: @escaping MakeContext) {
        self.schema = schema
        self.makeContext = makeContext
    }

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let parsed: GraphQLRequest
        do {
            parsed = try Self.parse(request)
        } catch {
            return .response(Self.errorResponse(.badRequest, error.message, code: "BAD_REQUEST"))
        }
        if request.method == .GET && Self.isMutation(parsed) {
            return .response(Self.errorResponse(.methodNotAllowed, "mutations need POST", code: "BAD_REQUEST"))
        }
        return .task { [schema, makeContext] in
            let context: Context
            do {
                context = try await makeContext(request)
            } catch let error as AuthError {
                return Self.errorResponse(.ok, error.message, code: error.code)
            } catch let error as GraphQLError {
                return Self.json(.ok, GraphQLResponse(data: nil, errors: [error]).serialized())
            }
            let response = await schema.execute(parsed, context: context)
            return Self.json(.ok, response.serialized())
        }
    }

    struct BadRequest: Error {
        var message: String
    }

    static func parse(_ request: HTTPRequest) throws(BadRequest) -> GraphQLRequest {
        var fields: JSONObject
        if request.method == .POST {
            let bytes = request.body.readableBytesView
            guard let value = try? JSONValue.parse(utf8: bytes), case .object(let object) = value else {
                throw BadRequest(message: "the body must be a JSON object")
            }
            fields = object
        } else if request.method == .GET {
            fields = JSONObject()
            for (key, value) in QueryString.parse(request.query ?? "") {
                if key == "variables" || key == "extensions" {
                    guard let parsed = try? JSONValue.parse(value) else { throw BadRequest(message: "\(key) must be JSON") }
                    fields[key] = parsed
                } else {
                    fields[key] = .string(value)
                }
            }
        } else {
            throw BadRequest(message: "use GET or POST")
        }
        guard case .string(let query)? = fields["query"] else { throw BadRequest(message: "query must be a string") }
        var operationName: String?
        switch fields["operationName"] {
        case .string(let name)?: operationName = name
        case nil, .null?: break
        default: throw BadRequest(message: "operationName must be a string")
        }
        var variables = JSONObject()
        switch fields["variables"] {
        case .object(let object)?: variables = object
        case nil, .null?: break
        default: throw BadRequest(message: "variables must be an object")
        }
        return GraphQLRequest(query: query, operationName: operationName, variables: variables)
    }

    static func isMutation(_ request: GraphQLRequest) -> Bool {
        let trimmed = request.query.drop(while: { $0.isWhitespace })
        return trimmed.hasPrefix("mutation") || trimmed.hasPrefix("subscription")
    }

    static func json(_ status: HTTPResponseStatus, _ bytes: [UInt8]) -> HTTPResponse {
        var body = ByteBuffer()
        body.writeBytes(bytes)
        return HTTPResponse(status: status, contentType: "application/json", body: body)
    }

    static func errorResponse(_ status: HTTPResponseStatus, _ message: String, code: String) -> HTTPResponse {
        let error = GraphQLError(message: message, extensions: ["code": .string(code)])
        return json(status, GraphQLResponse(data: nil, errors: [error]).serialized())
    }
}

/// `application/x-www-form-urlencoded` query strings.
enum QueryString {
    static func parse(_ query: String) -> [(String, String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}
