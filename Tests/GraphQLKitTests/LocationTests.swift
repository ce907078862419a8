import Testing
@testable import GraphQLKit

/// ``Location`` keeps its offsets in 32 bits: the full range round-trips, equality and hashing
/// are by offsets, and the parser refuses documents whose offsets would not fit.
@Suite struct LocationTests {
    @Test func offsetsRoundTripOverTheWholeRange() {
        var location = Location(start: 0, end: Location.maximumOffset)
        #expect(location.start == 0)
        #expect(location.end == 4_294_967_295)
        location.start = 17
        location.end = 42
        #expect(location == Location(start: 17, end: 42))
        #expect(location.hashValue == Location(start: 17, end: 42).hashValue)
        #expect(location != Location(start: 17, end: 43))
    }

    @Test func parsedLocationsAreByteOffsets() throws {
        let document = try Parser.parse(#"{ a(s: "é") b }"#)
        guard case .operation(let operation) = document.definitions.first,
              case .field(let first) = operation.selectionSet.selections.first,
              case .field(let second) = operation.selectionSet.selections.last else {
            Issue.record("unexpected document shape")
            return
        }
        #expect(operation.location == Location(start: 0, end: 16))
        #expect(first.location == Location(start: 2, end: 12))
        #expect(second.location == Location(start: 13, end: 14))  // "é" is two bytes
    }

    @Test func documentsTooLongForThirtyTwoBitOffsetsAreRefused() {
        #expect(Parser.sizeFailure(byteCount: Location.maximumOffset) == nil)
        let failure = Parser.sizeFailure(byteCount: Location.maximumOffset + 1)
        #expect(failure?.position == 0)
        #expect(failure?.description == "Document is longer than 4294967295 bytes. Parsing aborted.")
    }
}
