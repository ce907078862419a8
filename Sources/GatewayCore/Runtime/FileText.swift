#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOPosix
import NIOCore

/// Reads small text files (supergraph, subgraph list) without blocking an event loop or the
/// cooperative pool: NIO's thread pool does the blocking read.
enum FileText {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive {
            try readBlocking(path)
        }
    }

    static func readBlocking(_ path: String) throws -> String {
        guard let file = fopen(path, "rb") else {
            throw ReadError(description: "cannot open \(path): errno \(errno)")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
