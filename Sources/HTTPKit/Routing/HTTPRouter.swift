import NIOHTTP1

/// Dispatches requests to responders by exact path and method.
///
/// Unknown paths get `404`; a known path with a method it does not serve gets `405` with an
/// `Allow` header. `HEAD` is answered by the `GET` route when no `HEAD` route exists (the server
/// drops the body). Lookup is one dictionary probe on the path plus a scan of that path's few
/// methods, so the router adds no allocation per request.
///
/// ```swift
/// var router = HTTPRouter()
/// router.add(.GET, "/health/live") { _, _ in .response(.plainText(.ok, "ok")) }
/// router.add("/graphql", methods: [.GET, .POST], responder: graphQLResponder)
/// let server = HTTPServer(configuration: .init(port: 4000), responder: router, logger: logger)
/// ```
public struct HTTPRouter: HTTPResponder {
    private struct MethodRoute: Sendable {
        var method: HTTPMethod
        var responder: any HTTPResponder
    }

    private struct PathRoutes: Sendable {
        var methods: [MethodRoute] = []
        var allowHeader: String = ""
    }

    private var routes: [String: PathRoutes] = [:]
    /// Answers requests whose path no route matches; `nil` means a plain `404`.
    public var notFoundResponder: (any HTTPResponder)?

    /// Creates an empty router.
    public init() {}

    /// Routes `methods` on `path` (exact match, no query) to `responder`. A later registration of
    /// the same method and path replaces the earlier one.
    public mutating func add(_ path: String, methods: [HTTPMethod], responder: any HTTPResponder) {
        precondition(path.hasPrefix("/"), "route paths start with '/': \(path)")
        var entry = self.routes[path] ?? PathRoutes()
        for method in methods {
            entry.methods.removeAll { $0.method == method }
            entry.methods.append(MethodRoute(method: method, responder: responder))
        }
        var allowed = entry.methods.map(\.method.rawValue)
        if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
        entry.allowHeader = allowed.joined(separator: ", ")
        self.routes[path] = entry
    }

    /// Routes one method on `path` to a closure.
    public mutating func add(_ method: HTTPMethod, _ path: String, _ body: @escaping ClosureResponder.Body) {
        self.add(path, methods: [method], responder: ClosureResponder(body))
    }

    /// The paths this router serves, sorted (for logs and docs).
    public var paths: [String] { self.routes.keys.sorted() }

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        guard let entry = self.routes[request.path] else {
            if let notFound = self.notFoundResponder {
                return notFound.respond(to: request, context: context)
            }
            return .response(.plainText(.notFound, "no route for \(request.path)\n"))
        }
        for route in entry.methods where route.method == request.method {
            return route.responder.respond(to: request, context: context)
        }
        if request.method == .HEAD {
            for route in entry.methods where route.method == .GET {
                return route.responder.respond(to: request, context: context)
            }
        }
        var response = HTTPResponse.plainText(
            .methodNotAllowed,
            "method \(request.method.rawValue) not allowed on \(request.path)\n"
        )
        response.headers.add(name: "allow", value: entry.allowHeader)
        return .response(response)
    }
}
