import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

@testable import HTTPKit

@Suite("Requests, router and helpers")
struct RoutingAndHelperTests {
    let context = HTTPRequestContext(
        eventLoop: EmbeddedEventLoop(),
        allocator: ByteBufferAllocator(),
        remoteAddress: nil,
        logger: testLogger()
    )

    func status(_ router: HTTPRouter, _ method: HTTPMethod, _ uri: String) -> (HTTPResponseStatus, HTTPHeaders)? {
        guard case .response(let response) = router.respond(to: HTTPRequest(method: method, uri: uri), context: self.context) else {
            return nil
        }
        return (response.status, response.headers)
    }

    @Test func requestSplitsPathAndQuery() {
        var request = HTTPRequest(method: .GET, uri: "/graphql?query=%7Ba%7D&x=1")
        #expect(request.path == "/graphql")
        #expect(request.query == "query=%7Ba%7D&x=1")
        request.uri = "/plain"
        #expect(request.path == "/plain")
        #expect(request.query == nil)
        #expect(HTTPRequest(method: .GET, uri: "/?").query == "")
    }

    @Test func routerAnswers404405AndHEADFromGET() {
        var router = HTTPRouter()
        router.add(.GET, "/a") { _, _ in .response(.plainText(.ok, "a")) }
        router.add(.POST, "/a") { _, _ in .response(.plainText(.created, "a")) }
        #expect(self.status(router, .GET, "/a?x=1")?.0 == .ok)
        #expect(self.status(router, .POST, "/a")?.0 == .created)
        #expect(self.status(router, .HEAD, "/a")?.0 == .ok)
        let notAllowed = self.status(router, .DELETE, "/a")
        #expect(notAllowed?.0 == .methodNotAllowed)
        #expect(notAllowed?.1.first(name: "allow") == "GET, POST, HEAD")
        #expect(self.status(router, .GET, "/b")?.0 == .notFound)
        #expect(router.paths == ["/a"])
    }

    @Test func protocolDetectionFromFirstBytes() {
        let preface = ByteBuffer(bytes: HTTPProtocolDetector.preface)
        #expect(HTTPProtocolDetector.classify(preface, http2Enabled: true) == .http2)
        #expect(HTTPProtocolDetector.classify(ByteBuffer(string: "PRI * HT"), http2Enabled: true) == .needMoreBytes)
        #expect(HTTPProtocolDetector.classify(ByteBuffer(string: "POST / HTTP/1.1\r\n"), http2Enabled: true) == .http1)
        #expect(HTTPProtocolDetector.classify(ByteBuffer(string: "PRX"), http2Enabled: true) == .http1)
        #expect(HTTPProtocolDetector.classify(preface, http2Enabled: false) == .http1)
        #expect(HTTPProtocolDetector.classify(ByteBuffer(), http2Enabled: true) == .needMoreBytes)
    }

    @Test func base64URLDecoding() {
        #expect(Base64URL.decode("AAMAAABkAAQCAAAAAAIAAAAA") == [0, 3, 0, 0, 0, 100, 0, 4, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0])
        #expect(Base64URL.decode("") == [])
        #expect(Base64URL.decode("_-8") == [0xff, 0xef])
        #expect(Base64URL.decode("a$b") == nil)
        #expect(Base64URL.decode("A") == nil)
    }

    @Test func h2cUpgradeRequestsAreRecognisedStrictly() {
        func head(_ headers: [(String, String)]) -> HTTPRequestHead {
            HTTPRequestHead(version: .http1_1, method: .GET, uri: "/", headers: HTTPHeaders(headers))
        }
        let valid = head([("Upgrade", "h2c"), ("Connection", "Upgrade, HTTP2-Settings"), ("HTTP2-Settings", "AAMAAABk")])
        #expect(H2CUpgradeRequest(head: valid)?.settingsPayload == [0, 3, 0, 0, 0, 100])
        #expect(H2CUpgradeRequest(head: head([("Upgrade", "h2c"), ("Connection", "Upgrade"), ("HTTP2-Settings", "AAMAAABk")])) == nil)
        #expect(H2CUpgradeRequest(head: head([("Upgrade", "websocket"), ("Connection", "Upgrade, HTTP2-Settings"), ("HTTP2-Settings", "AAMAAABk")])) == nil)
        #expect(H2CUpgradeRequest(head: head([("Upgrade", "h2c"), ("Connection", "Upgrade, HTTP2-Settings"), ("HTTP2-Settings", "AAMA")])) == nil)
        #expect(valid.asksForProtocolSwitch)
        #expect(!head([("Upgrade", "h2c")]).asksForProtocolSwitch)
    }

    @Test func http2HeaderBlocksDropConnectionSpecificFields() {
        #expect(HTTP2HeaderBlockBuilder.isDropped(name: "Connection", value: "keep-alive"))
        #expect(HTTP2HeaderBlockBuilder.isDropped(name: "Transfer-Encoding", value: "chunked"))
        #expect(HTTP2HeaderBlockBuilder.isDropped(name: "te", value: "gzip"))
        #expect(!HTTP2HeaderBlockBuilder.isDropped(name: "te", value: "trailers"))
        #expect(HTTP2HeaderBlockBuilder.isDropped(name: "HOST", value: "x"))
        #expect(!HTTP2HeaderBlockBuilder.isDropped(name: "content-type", value: "x"))
        #expect("Content-Length".isASCIICaseInsensitive("content-length"))
        #expect(!"Content-Lengths".isASCIICaseInsensitive("content-length"))
    }

    @Test func metricKeysSeparateLabels() {
        let a = MetricKey.make(method: .GET, status: 200, wireProtocol: .http1_1)
        let b = MetricKey.make(method: .GET, status: 200, wireProtocol: .http2)
        let c = MetricKey.make(method: .POST, status: 200, wireProtocol: .http1_1)
        let d = MetricKey.make(method: .GET, status: 404, wireProtocol: .http1_1)
        #expect(Set([a, b, c, d]).count == 4)
        #expect(MetricKey.methodLabel(.RAW(value: "BREW")) == "_OTHER")
    }

    @Test func jsonEscaping() {
        #expect(JSONText.escape("a\"b\\c\n\u{1}") == #"a\"b\\c\n\u0001"#)
    }
}

@Suite("Server configuration from the environment")
struct ServerConfigurationEnvironmentTests {
    @Test func defaultsAndOverrides() throws {
        let defaults = try HTTPServerConfiguration(environment: [:], defaultPort: 4001)
        #expect(defaults.port == 4001)
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.maxBodySize == 8 << 20)
        let custom = try HTTPServerConfiguration(environment: [
            "HTTP_HOST": "0.0.0.0", "PORT": "9000", "HTTP_MAX_BODY_BYTES": "1024", "HTTP_IDLE_TIMEOUT_MS": "1500",
            "HTTP_ENABLE_HTTP2": "false", "HTTP_MAX_CONCURRENT_STREAMS": "7",
        ])
        #expect(custom.host == "0.0.0.0")
        #expect(custom.port == 9000)
        #expect(custom.maxBodySize == 1024)
        #expect(custom.idleTimeout == .milliseconds(1500))
        #expect(!custom.enableHTTP2)
        #expect(custom.maxConcurrentStreams == 7)
    }

    @Test func badValuesAreNamedInTheError() {
        #expect(throws: HTTPServerConfiguration.EnvironmentError.self) { try HTTPServerConfiguration(environment: ["PORT": "http"]) }
        #expect(throws: HTTPServerConfiguration.EnvironmentError.self) { try HTTPServerConfiguration(environment: ["PORT": "70000"]) }
        do {
            _ = try HTTPServerConfiguration(environment: ["HTTP_ENABLE_HTTP2": "maybe"])
        } catch {
            #expect("\(error)" == "HTTP_ENABLE_HTTP2=maybe: expected true or false")
        }
    }
}
