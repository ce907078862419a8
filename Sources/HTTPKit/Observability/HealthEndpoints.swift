import NIOCore

/// Liveness and readiness routes for orchestrators (Kubernetes probes, the dev runner).
///
/// - `GET /health/live`: `200 {"status":"pass"}` whenever the process serves HTTP.
/// - `GET /health/ready`: `200 {"status":"pass"}` when every readiness check passes;
///   `503 {"status":"fail","failing":[...]}` while one fails or once shutdown began.
///
/// ```swift
/// HealthEndpoints.install(into: &router, readiness: readiness)
/// ```
public enum HealthEndpoints {
    /// Adds both routes to `router`.
    public static func install(into router: inout HTTPRouter, readiness: HTTPReadiness) {
        router.add(.GET, "/health/live") { _, _ in
            .response(Self.pass)
        }
        router.add(.GET, "/health/ready") { _, _ in
            guard let checks = readiness.checksUnlessStopping else {
                return .response(Self.fail(["shutting down"]))
            }
            if checks.isEmpty {
                return .response(Self.pass)
            }
            return .task {
                var failing: [String] = []
                for entry in checks where await !entry.check() {
                    failing.append(entry.name)
                }
                return failing.isEmpty ? Self.pass : Self.fail(failing)
            }
        }
    }

    private static var pass: HTTPResponse {
        HTTPResponse(status: .ok, contentType: "application/json", body: ByteBuffer(string: #"{"status":"pass"}"#))
    }

    private static func fail(_ failing: [String]) -> HTTPResponse {
        let names = failing.map { "\"\(JSONText.escape($0))\"" }.joined(separator: ",")
        return HTTPResponse(
            status: .serviceUnavailable,
            contentType: "application/json",
            body: ByteBuffer(string: #"{"status":"fail","failing":[\#(names)]}"#)
        )
    }
}

/// Minimal JSON string escaping for the few JSON bodies HTTPKit writes itself.
enum JSONText {
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
