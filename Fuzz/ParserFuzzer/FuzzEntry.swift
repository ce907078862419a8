// libFuzzer entry point for GraphQLKit's lexer, parser, printer, visitor and JSON parser.
// Built and run by infra/fuzz-parser (swiftc -sanitize=fuzzer,address); not a package target.
//
// For every input it checks, beyond "no crash, no hang, no overflow":
//   - a parse failure is a syntax error with exactly one location inside the document;
//   - a parsed document prints, and the printed text parses back to a document that prints
//     identically (the printer's output is valid, stable GraphQL);
//   - a read-only visit returns the document unchanged;
//   - the JSON parser either fails cleanly or produces a value whose serialization parses
//     back to an equal value.

struct FuzzCounter: ASTVisitor {
    var names = 0
    mutating func enter(_ node: Name) -> VisitAction<Name> {
        names += 1
        return .proceed
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let source = Source(utf8: bytes)
    let options = ParseOptions(maxTokens: 20_000)
    do {
        let document = try Parser.parse(source, options: options)
        let printed = Printer.print(document)
        let reparsed: Document
        do {
            reparsed = try Parser.parse(printed)
        } catch {
            fatalError("printed document does not parse: \(error.message)\n--- printed:\n\(printed)")
        }
        let reprinted = Printer.print(reparsed)
        if reprinted != printed {
            fatalError("printing is not stable\n--- first:\n\(printed)\n--- second:\n\(reprinted)")
        }
        var counter = FuzzCounter()
        if visit(document, with: &counter) != document { fatalError("read-only visit changed the document") }
    } catch {
        guard error.message.hasPrefix("Syntax Error: "), let locations = error.locations, locations.count == 1,
              locations[0].line >= 1, locations[0].column >= 0 else {
            fatalError("malformed syntax error: \(error)")
        }
        _ = error.description
    }
    _ = try? tokenize(source)
    if let value = try? JSONValue.parse(utf8: bytes) {
        let text = value.serialized()
        guard let again = try? JSONValue.parse(text) else { fatalError("serialized JSON does not parse: \(text)") }
        if again.serialized() != text { fatalError("JSON serialization is not stable: \(text)") }
    }
    return 0
}
