// graphql-kit-benchmarks: GraphQLKit speed and stack measurements, built in release mode.
//
//   graphql-kit-benchmarks parse FILE [SECONDS]   parse FILE repeatedly; prints ops per CPU-second
//   graphql-kit-benchmarks stack-check            stack bytes used at the default depth limits
//
// Benchmarks/run-parse-benchmarks runs `parse` side by side with graphql-js (Benchmarks/graphql-js-parse.js).
import BenchmarkStatistics
import GraphQLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String) -> Never {
    let line = Array("graphql-kit-benchmarks: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "parse":
    guard arguments.count >= 3, let text = readFile(arguments[2]) else { fail("usage: parse FILE [SECONDS]") }
    let seconds = arguments.count >= 4 ? Double(arguments[3]) ?? 2 : 2
    do {
        _ = try Parser.parse(text)
    } catch {
        fail("\(arguments[2]) does not parse: \(error.message)")
    }
    var definitions = 0
    let rate = opsPerCPUSecond(seconds: seconds) {
        definitions &+= (try? Parser.parse(text))?.definitions.count ?? 0
    }
    print((rate * 10).rounded() / 10)
    if definitions == 0 { fail("nothing parsed") }

case "repeat":
    // A fixed amount of work, for instruction counting under valgrind (stable on a busy machine).
    guard arguments.count >= 4, let text = readFile(arguments[2]), let times = Int(arguments[3]) else { fail("usage: repeat FILE N") }
    var count = 0
    for _ in 0..<times { count &+= (try? Parser.parse(text))?.definitions.count ?? 0 }
    print(count)

case "lex":
    guard arguments.count >= 3, let text = readFile(arguments[2]) else { fail("usage: lex FILE [SECONDS]") }
    let source = Source(body: text)
    var count = 0
    let rate = opsPerCPUSecond(seconds: 2) { count &+= (try? tokenize(source))?.count ?? 0 }
    print((rate * 10).rounded() / 10)

case "parse-nolocation":
    guard arguments.count >= 3, let text = readFile(arguments[2]) else { fail("usage: FILE") }
    var count = 0
    let rate = opsPerCPUSecond(seconds: 2) { count &+= (try? Parser.parse(text, options: ParseOptions(noLocation: true)))?.definitions.count ?? 0 }
    print((rate * 10).rounded() / 10)

case "stack-check":
    let depth = ParseOptions.defaultMaxDepth
    let limit = 512 << 10
    let selections = String(repeating: "{ a ", count: depth) + String(repeating: "}", count: depth)
    let lists = "{ f(a: " + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + ") }"
    let objects = "{ f(a: " + String(repeating: "{a: ", count: depth - 1) + "1" + String(repeating: "}", count: depth - 1) + ") }"
    let types = "query ($v: " + String(repeating: "[", count: depth) + "Int" + String(repeating: "]!", count: depth) + ") { a }"
    let json = String(repeating: "[", count: JSONParseOptions().maxDepth) + String(repeating: "]", count: JSONParseOptions().maxDepth)
    let jsonObjects = String(repeating: "{\"a\":", count: JSONParseOptions().maxDepth) + "1" + String(repeating: "}", count: JSONParseOptions().maxDepth)
    struct Counter: ASTVisitor {
        var count = 0
        mutating func enter(_ node: Name) -> VisitAction<Name> { count += 1; return .proceed }
    }
    var worst = 0
    for (name, text) in [("selections", selections), ("lists", lists), ("objects", objects), ("types", types)] {
        let document = try! Parser.parse(text)
        let measurements: [(String, Int)] = [
            ("parse+free", stackBytesUsed { _ = try? Parser.parse(text) }),
            ("print", stackBytesUsed { _ = Printer.print(document) }),
            ("visit", stackBytesUsed { var counter = Counter(); visit(document, with: &counter) }),
            ("equal+hash", stackBytesUsed { _ = document == (try? Parser.parse(text)); _ = document.hashValue }),
            ("too deep", stackBytesUsed { _ = try? Parser.parse(String(repeating: "{ a ", count: 100_000)) }),
        ]
        for (operation, bytes) in measurements {
            print("depth \(depth) \(name) \(operation): \(bytes / 1024) KiB")
            worst = max(worst, bytes)
        }
    }
    for (name, text) in [("JSON arrays", json), ("JSON objects", jsonObjects)] {
        let bytes = stackBytesUsed { _ = try? JSONValue.parse(text) }
        print("depth \(JSONParseOptions().maxDepth) \(name) parse+free: \(bytes / 1024) KiB")
        worst = max(worst, bytes)
    }
    print("worst: \(worst / 1024) KiB of \(limit / 1024) KiB")
    if worst > limit { fail("a default depth limit needs more than 512 KiB of stack") }

default:
    fail("usage: graphql-kit-benchmarks parse FILE [SECONDS] | stack-check")
}
