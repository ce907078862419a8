#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The contents of the file at `path` as UTF-8 text, or nil when it cannot be opened.
public func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The GitHub schema SDL the GraphQLKit benchmarks use: `$SHARED_DIR/data/github-schema.graphql`,
/// else the shared folder beside the repository; nil when none is found.
public func readGitHubSchemaSDL() -> String? {
    var candidates: [String] = []
    if let shared = getenv("SHARED_DIR") { candidates.append(String(cString: shared) + "/data/github-schema.graphql") }
    candidates += ["../shared/data/github-schema.graphql", "/work/shared/data/github-schema.graphql"]
    for path in candidates {
        if let text = readFile(path) { return text }
    }
    return nil
}
