import GraphQLKit
import HTTPKit
import NIOCore
import NIOHTTP1

/// GraphQL over HTTP for the gateway on an HTTPKit router: `POST` with a JSON body
/// (`query`, `operationName`, `variables`) and `GET` with URL parameters (queries only).
/// Answers `application/json`; malformed requests get 400.
///
/// ```swift
/// router.add("/graphql", methods: [.GET, .POST], responder: GatewayHTTPResponder(runtime: runtime))
/// ```
public struct GatewayHTTPResponder: HTTPResponder {
    public let runtime: GatewayRuntime
    /// Largest accepted request body.
    public let maxBodySize: Int

    public init(runtime: GatewayRuntime, maxBodySize: Int = 1 << 20) {
        self.runtime = runtime
        self.maxBodySize = maxBodySize
    }

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        let parsed: Result<GatewayRequest, GraphQLError>
        switch request.method {
        case .POST: parsed = parseBody(request)
        case .GET: parsed = parseQueryString(request)
        default: return .response(.plainText(.methodNotAllowed, "Use GET or POST."))
        }
        switch parsed {
        case .failure(let error):
            return .response(Self.json(.badRequest, GraphQLResponse(data: nil, errors: [error]).serialized()))
        case .success(var gatewayRequest):
            if request.method == .GET, gatewayRequest.query.contains("mutation"),
               case .success(let plan)? = runtime.engine?.plan(query: gatewayRequest.query, operationName: gatewayRequest.operationName),
               plan.operation.operation == .mutation {
                return .response(.plainText(.methodNotAllowed, "Mutations need POST."))
            }
            for header in request.headers { gatewayRequest.headers.append((header.name.lowercased(), header.value)) }
            let runtime = self.runtime
            let request = gatewayRequest
            return .task {
                let response = await runtime.execute(request)
                return Self.json(response.data == nil && !response.errors.isEmpty ? .badRequest : .ok, response.serialized())
            }
        }
    }

    private static func json(_ status: HTTPResponseStatus, _ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: ByteBuffer(bytes: bytes))
    }

    private func parseBody(_ request: HTTPRequest) -> Result<GatewayRequest, GraphQLError> {
        guard request.body.readableBytes <= maxBodySize else { return .failure(GraphQLError(message: "The request body is too large.")) }
        guard let body = try? JSONValue.parse(utf8: request.body.readableBytesView), case .object(let object) = body else {
            return .failure(GraphQLError(message: "The request body must be a JSON object."))
        }
        return Self.request(from: object)
    }

    private func parseQueryString(_ request: HTTPRequest) -> Result<GatewayRequest, GraphQLError> {
        var object = JSONObject()
        for pair in (request.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let name = parts.first.flatMap({ Self.percentDecode($0) }) else { continue }
            let value = parts.count > 1 ? (Self.percentDecode(parts[1]) ?? "") : ""
            if name == "variables" {
                guard let variables = try? JSONValue.parse(value) else { return .failure(GraphQLError(message: "variables must be JSON.")) }
                object[name] = variables
            } else {
                object[name] = .string(value)
            }
        }
        return Self.request(from: object)
    }

    private static func request(from object: JSONObject) -> Result<GatewayRequest, GraphQLError> {
        guard case .string(let query)? = object["query"] else { return .failure(GraphQLError(message: "A string query is required.")) }
        var operationName: String?
        switch object["operationName"] {
        case .string(let name)?: operationName = name
        case .null?, nil: operationName = nil
        default: return .failure(GraphQLError(message: "operationName must be a string."))
        }
        var variables = JSONObject()
        switch object["variables"] {
        case .object(let values)?: variables = values
        case .null?, nil: break
        default: return .failure(GraphQLError(message: "variables must be an object."))
        }
        return .success(GatewayRequest(query: query, operationName: operationName, variables: variables))
    }

    private static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
