import HTTPKit
import GraphQLKit
import NIOCore
import NIOHTTP1

/// Health routes of the gateway.
///
/// - `GET /health/live`: `200 {"status":"pass"}` while the process serves HTTP.
/// - `GET /health/ready`: `200 {"status":"pass"}` with a current supergraph;
///   `200 {"status":"warn","supergraph":"stale","error":…}` while serving the last good supergraph
///   after a failed reload; `503 {"status":"fail",…}` before any supergraph loaded or once shutdown began.
public enum GatewayHealth {
    public static func install(into router: inout HTTPRouter, runtime: GatewayRuntime, readiness: HTTPReadiness) {
        router.add(.GET, "/health/live") { _, _ in
            .response(json(.ok, ["status": "pass"]))
        }
        router.add(.GET, "/health/ready") { _, _ in
            if readiness.isStopping { return .response(json(.serviceUnavailable, ["status": "fail", "reason": "shutting down"])) }
            let status = runtime.status
            guard status.hasSupergraph else {
                return .response(json(.serviceUnavailable, ["status": "fail", "supergraph": "missing", "error": status.lastError.map(JSONValue.string) ?? .null]))
            }
            if let error = status.lastError {
                return .response(json(.ok, ["status": "warn", "supergraph": "stale", "error": .string(error)]))
            }
            return .response(json(.ok, ["status": "pass", "supergraph": "current"]))
        }
    }

    private static func json(_ status: HTTPResponseStatus, _ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", body: ByteBuffer(string: value.serialized()))
    }
}
