import ProcessTestSupport
import Foundation
import NIOCore
import Testing

@testable import HTTPKit

/// The server against independent peers over real sockets on 127.0.0.1: curl (HTTP/1.1,
/// HTTP/2 prior knowledge, Upgrade: h2c) and nghttp (Debian's nghttp2-client).
@Suite("Server interop with curl and nghttp", .serialized)
struct ServerInteropTests {
    static let curl = "/usr/bin/curl"
    static let nghttp = "/usr/bin/nghttp"

    @Test func curlHTTP1KeepAliveReusesOneConnection() async throws {
        try await withServer { server in
            let result = try await runTool(Self.curl, ["-sS", "-w", "%{http_version} %{num_connects}\\n", "\(server.url)/hello", "\(server.url)/hello", "\(server.url)/bytes?n=5"])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.filter { $0 == "hello" }.count == 2)
            // Three transfers, one TCP connect: keep-alive held.
            #expect(result.stdout.contains("1.1 1"))
            #expect(result.stdout.contains("1.1 0"))
        }
    }

    @Test func curlHTTP2PriorKnowledge() async throws {
        try await withServer { server in
            let result = try await runTool(Self.curl, ["-sS", "--http2-prior-knowledge", "-i", "\(server.url)/hello"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("HTTP/2 200"))
            #expect(result.stdout.contains("content-length: 6"))
            #expect(result.stdout.hasSuffix("hello\n"))
        }
    }

    @Test func curlUpgradeToH2CWithABody() async throws {
        try await withServer { server in
            let result = try await runTool(Self.curl, ["-sS", "--http2", "-i", "--data-binary", "upgraded body", "\(server.url)/echo"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("HTTP/1.1 101 Switching Protocols"))
            #expect(result.stdout.contains("HTTP/2 200"))
            #expect(result.stdout.contains("x-protocol: 2"))
            #expect(result.stdout.hasSuffix("upgraded body"))
        }
    }

    @Test func curlLargeUploadAndDownloadBothProtocols() async throws {
        try await withServer(configure: { $0.maxBodySize = 16 << 20 }) { server in
            let upload = TestRoutes.pattern(6 << 20)
            let bytes = Data(upload.readableBytesView)
            for flags in [["--http1.1"], ["--http2-prior-knowledge"]] {
                let echoed = try await runTool(Self.curl, ["-sS", "-o", "-", "-w", "", "--data-binary", "@-"] + flags + ["\(server.url)/echo"], stdin: bytes, timeout: .seconds(60))
                #expect(echoed.status == 0, "\(flags) \(echoed.stderr)")
                #expect(echoed.stdoutData == bytes, "\(flags)")
                let download = try await runTool(Self.curl, ["-sS", "-o", "/dev/null", "-w", "%{size_download} %{http_code}"] + flags + ["\(server.url)/bytes?n=\(7 << 20)"], timeout: .seconds(60))
                #expect(download.stdout == "\(7 << 20) 200", "\(flags) \(download.stderr)")
            }
            // The same through our own client, on both protocols.
            try await withClient { client in
                for upstream in [server.upstream1, server.upstream2] {
                    let response = try await client.send(HTTPClientRequest(method: .POST, path: "/echo", body: upload), to: upstream)
                    #expect(response.body == upload, "\(upstream)")
                }
            }
        }
    }

    @Test func nghttpPriorKnowledgeManyConcurrentStreams() async throws {
        try await withServer { server in
            // 200 requests multiplexed on one connection (server allows 100 at once).
            let urls = (0..<200).map { "\(server.url)/bytes?n=\($0 * 97)" }
            let result = try await runTool(Self.nghttp, ["-n", "-s", "-m", "1"] + urls, timeout: .seconds(60))
            #expect(result.status == 0, "\(result.stderr)")
            let stats = try await runTool(Self.nghttp, ["-n", "-v", "-m", "200", "\(server.url)/hello"], timeout: .seconds(60))
            #expect(stats.status == 0)
            let ok = stats.stdout.components(separatedBy: ":status: 200").count - 1
            #expect(ok == 200)
            #expect(stats.stdout.contains("SETTINGS_MAX_CONCURRENT_STREAMS(0x03):100"))
        }
    }

    @Test func nghttpUpgradeAndPost() async throws {
        try await withServer { server in
            let upgrade = try await runTool(Self.nghttp, ["-u", "-v", "\(server.url)/hello"])
            #expect(upgrade.status == 0, "\(upgrade.stderr)")
            #expect(upgrade.stdout.contains("HTTP Upgrade success"))
            #expect(upgrade.stdout.contains("hello"))
            let post = try await runTool(Self.nghttp, ["-v", "-d", "-", "\(server.url)/echo"], stdin: Data("from nghttp".utf8))
            #expect(post.status == 0, "\(post.stderr)")
            #expect(post.stdout.contains("from nghttp"))
            #expect(post.stdout.contains("x-protocol: 2"))
        }
    }

    @Test func nghttpGetsHeadersTooLargeAsStatus431() async throws {
        try await withServer(configure: { $0.maxHeaderSize = 4096 }) { server in
            let big = String(repeating: "x", count: 8000)
            let result = try await runTool(Self.nghttp, ["-n", "-v", "-H", "x-big: \(big)", "\(server.url)/hello"])
            #expect(result.stdout.contains(":status: 431"), "\(result.stdout.suffix(500))")
            let after = try await runTool(Self.nghttp, ["-n", "-v", "\(server.url)/hello"])
            #expect(after.stdout.contains(":status: 200"))
        }
    }

    @Test func curlOversizedBodyGets413OnBothProtocols() async throws {
        try await withServer(configure: { $0.maxBodySize = 1 << 16 }) { server in
            let body = Data(TestRoutes.pattern(1 << 18).readableBytesView)
            let h1 = try await runTool(Self.curl, ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "@-", "\(server.url)/echo"], stdin: body)
            #expect(h1.stdout == "413")
            let h2 = try await runTool(Self.curl, ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "--http2-prior-knowledge", "--data-binary", "@-", "\(server.url)/echo"], stdin: body)
            #expect(h2.stdout == "413", "\(h2.stderr)")
            let after = try await runTool(Self.curl, ["-sS", "--http2-prior-knowledge", "\(server.url)/hello"])
            #expect(after.stdout == "hello\n")
        }
    }
}
