import ProcessTestSupport
import Foundation
import Testing

/// The endpoint against independent peers over real sockets: curl (HTTP/1.1 and HTTP/2 prior
/// knowledge) and nghttp (Debian's nghttp2-client).
@Suite("GraphQL over HTTP with curl and nghttp", .serialized)
struct GraphQLHTTPInteropTests {
    static let curl = "/usr/bin/curl"
    static let nghttp = "/usr/bin/nghttp"
    static let curlProtocols: [[String]] = [["--http1.1"], ["--http2-prior-knowledge"]]

    /// `status content-type` then the body, from curl.
    private func curl(_ flags: [String], _ arguments: [String]) async throws -> (status: String, contentType: String, body: String) {
        let result = try await runTool(Self.curl, ["-sS", "-w", "\n%{http_code} %{content_type}"] + flags + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let trailer = lines.last.map(String.init) ?? ""
        let parts = trailer.split(separator: " ", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "", lines.dropLast().joined(separator: "\n"))
    }

    @Test(arguments: curlProtocols) func curlEveryStatusCase(_ flags: [String]) async throws {
        try await withGraphQLServer { server in
            let json = ["-H", "content-type: application/json"]
            let modern = ["-H", "accept: application/graphql-response+json"]
            let ok = try await curl(flags, modern + json + ["--data-binary", #"{"query":"{ hello }"}"#, server.url])
            #expect(ok.status == "200")
            #expect(ok.contentType == "application/graphql-response+json; charset=utf-8")
            #expect(ok.body == #"{"data":{"hello":"Hello, world!"}}"#)
            // curl's default Accept (*/*) gets application/json.
            let get = try await curl(flags, ["\(server.url)?query=%7B%20hello%20%7D"])
            #expect(get.status == "200")
            #expect(get.contentType == "application/json; charset=utf-8")
            let parse400 = try await curl(flags, modern + json + ["--data-binary", #"{"query":"{"}"#, server.url])
            #expect(parse400.status == "400")
            let parse200 = try await curl(flags, ["-H", "accept: application/json"] + json + ["--data-binary", #"{"query":"{"}"#, server.url])
            #expect(parse200.status == "200")
            #expect(parse200.body.contains("Syntax Error"))
            let mutation = try await curl(flags, ["-i", "\(server.url)?query=mutation%7Bbump%7D"])
            #expect(mutation.status == "405")
            #expect(mutation.body.lowercased().contains("allow: post"))
            let unsupported = try await curl(flags, ["-H", "content-type: text/plain", "--data-binary", #"{"query":"{ hello }"}"#, server.url])
            #expect(unsupported.status == "415")
            let unacceptable = try await curl(flags, ["-H", "accept: text/html", server.url + "?query=%7Bhello%7D"])
            #expect(unacceptable.status == "406")
            let malformed = try await curl(flags, modern + json + ["--data-binary", "{nope", server.url])
            #expect(malformed.status == "400")
            #expect(malformed.body.contains("not valid JSON"))
            #expect(server.mutations.withLockedValue { $0 } == 0)
        }
    }

    @Test func nghttpPostAndGetOverHTTP2() async throws {
        try await withGraphQLServer { server in
            let post = try await runTool(Self.nghttp, ["-v", "-H", "content-type: application/json", "-H", "accept: application/graphql-response+json",
                                                       "-d", "-", server.url], stdin: Data(#"{"query":"mutation { bump }"}"#.utf8))
            #expect(post.status == 0, "\(post.stderr)")
            #expect(post.stdout.contains(":status: 200"))
            #expect(post.stdout.contains(#"{"data":{"bump":1}}"#))
            let refused = try await runTool(Self.nghttp, ["-v", "\(server.url)?query=mutation%7Bbump%7D"])
            #expect(refused.stdout.contains(":status: 405"))
            #expect(refused.stdout.contains("allow: POST"))
            let invalid = try await runTool(Self.nghttp, ["-v", "-H", "accept: application/graphql-response+json", "\(server.url)?query=%7Bforbidden%7D"])
            #expect(invalid.stdout.contains(":status: 400"))
            // Many concurrent streams on one connection, all answered.
            let urls = (0..<100).map { "\(server.url)?query=%7Bnumber(value:\($0))%7D" }
            let many = try await runTool(Self.nghttp, ["-n", "-v", "-m", "1"] + urls, timeout: .seconds(60))
            #expect(many.status == 0, "\(many.stderr)")
            #expect(many.stdout.components(separatedBy: ":status: 200").count - 1 == 100)
            #expect(server.mutations.withLockedValue { $0 } == 1)
        }
    }
}
