import GraphQLKit
import HTTPKit
import NIOCore
import NIOHTTP1

/// The GraphQL endpoint: GraphQL over HTTP (the GraphQL-over-HTTP specification) in front of a
/// ``GraphQLHTTPExecutor``.
///
/// - `POST` with `Content-Type: application/json` (UTF-8) and a JSON body
///   `{"query", "operationName", "variables", "extensions"}`; another content type gets `415`.
/// - `GET` (and `HEAD`) with the same parameters in the URL (`variables`/`extensions` as JSON
///   text); mutations are refused with `405` and `Allow: POST`.
/// - The response type follows `Accept`: `application/graphql-response+json` (request errors
///   are `400`) or `application/json` (always `200` for a well-formed request); neither
///   acceptable gets `406`. A request that is not well-formed (malformed JSON, no query, wrong
///   parameter types) gets `400` with a GraphQL error saying why.
///
/// Decoded parameters and the executor's prepared document are cached by the request's raw
/// bytes (the request target, or the body), so a repeated request costs one cache probe before
/// execution; with a synchronous executor it is answered on the event loop without a task.
public struct GraphQLHTTPResponder<Executor: GraphQLHTTPExecutor>: HTTPResponder {
    /// A decoded request and its prepared document.
    final class Entry: Sendable {
        let parameters: GraphQLRequestParameters
        let prepared: Executor.Prepared

        init(parameters: GraphQLRequestParameters, prepared: Executor.Prepared) {
            self.parameters = parameters
            self.prepared = prepared
        }
    }

    private let executor: Executor
    private let configuration: GraphQLHTTPConfiguration
    private let urlQueries: GraphQLRequestCache<String>
    private let bodies: GraphQLRequestCache<ByteBuffer>
    /// Entries by query text, for their prepared document (shared by requests that differ in
    /// variables or operation name only).
    private let documents: GraphQLRequestCache<String>

    /// An endpoint answering with `executor`.
    public init(executor: Executor, configuration: GraphQLHTTPConfiguration = GraphQLHTTPConfiguration()) {
        self.executor = executor
        self.configuration = configuration
        self.urlQueries = GraphQLRequestCache(capacity: configuration.requestCacheSize)
        self.bodies = GraphQLRequestCache(capacity: configuration.requestCacheSize)
        self.documents = GraphQLRequestCache(capacity: configuration.requestCacheSize)
    }

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        guard let mediaType = GraphQLMediaType.negotiate(accept: Self.acceptHeader(request.headers)) else {
            return .response(GraphQLHTTPResponseWriter.error(
                .notAcceptable, "None of the media types in Accept is served; accept application/graphql-response+json or application/json.",
                mediaType: .json, allocator: context.allocator))
        }
        let entry: Entry
        do throws(GraphQLRequestParameters.Malformed) {
            switch request.method {
            case .GET where configuration.allowsGET, .HEAD where configuration.allowsGET:
                entry = try self.entry(get: request)
            case .POST:
                guard let contentType = request.headers.first(name: "content-type"),
                      GraphQLMediaType.isJSONRequestContentType(contentType) else {
                    return .response(GraphQLHTTPResponseWriter.error(
                        .unsupportedMediaType, "Send the request body as application/json (UTF-8).",
                        mediaType: mediaType, allocator: context.allocator))
                }
                entry = try self.entry(body: request.body)
            default:
                var response = GraphQLHTTPResponseWriter.error(
                    .methodNotAllowed, "GraphQL requests are sent with \(configuration.allowsGET ? "GET or POST" : "POST").",
                    mediaType: mediaType, allocator: context.allocator)
                response.headers.add(name: "allow", value: configuration.allowsGET ? "GET, HEAD, POST" : "POST")
                return .response(response)
            }
        } catch {
            return .response(GraphQLHTTPResponseWriter.error(.badRequest, error.message, mediaType: mediaType, allocator: context.allocator))
        }
        let parameters = entry.parameters
        let graphQLRequest = GraphQLHTTPRequest(
            query: parameters.query, operationName: parameters.operationName, variables: parameters.variables,
            extensions: parameters.extensions, method: request.method, headers: request.headers)
        switch executor.execute(graphQLRequest, prepared: entry.prepared) {
        case .ready(let result):
            return .response(GraphQLHTTPResponseWriter.response(result, mediaType: mediaType, allocator: context.allocator))
        case .async(let work):
            let allocator = context.allocator
            return .task {
                GraphQLHTTPResponseWriter.response(await work(), mediaType: mediaType, allocator: allocator)
            }
        }
    }

    private static func acceptHeader(_ headers: HTTPHeaders) -> String? {
        let values = headers["accept"]
        switch values.count {
        case 0: return nil
        case 1: return values[0]
        default: return values.joined(separator: ",")
        }
    }

    /// A GET's entry, cached by its whole target (path and query as sent: no string is made
    /// per request).
    private func entry(get request: HTTPRequest) throws(GraphQLRequestParameters.Malformed) -> Entry {
        if let cached = urlQueries.value(for: request.uri) { return unsafeDowncast(cached, to: Entry.self) }
        let entry = makeEntry(try GraphQLRequestParameters.decode(urlQuery: request.query ?? ""))
        urlQueries.store(entry, for: request.uri)
        return entry
    }

    private func entry(body: ByteBuffer) throws(GraphQLRequestParameters.Malformed) -> Entry {
        if let cached = bodies.value(for: body) { return unsafeDowncast(cached, to: Entry.self) }
        let entry = makeEntry(try GraphQLRequestParameters.decode(jsonBody: body))
        // A compact copy: the request's buffer may be a slice of a much larger read buffer.
        bodies.store(entry, for: ByteBuffer(bytes: body.readableBytesView))
        return entry
    }

    private func makeEntry(_ parameters: GraphQLRequestParameters) -> Entry {
        if let cached = documents.value(for: parameters.query) {
            return Entry(parameters: parameters, prepared: unsafeDowncast(cached, to: Entry.self).prepared)
        }
        let entry = Entry(parameters: parameters, prepared: executor.prepare(query: parameters.query))
        documents.store(entry, for: parameters.query)
        return entry
    }
}
