import Testing
@testable import GraphQLKit

/// The parser builds short names and numbers as inline strings by hand (``SmallASCIIString``):
/// they must be indistinguishable from strings the standard library makes.
@Suite struct SmallASCIIStringTests {
    @Test func layoutIsAvailableOnThisPlatform() {
        #if _endian(little) && _pointerBitWidth(_64)
        #expect(SmallASCIIString.isAvailable)
        #endif
    }

    @Test func everyLengthAndPositionMatchesTheStandardLibrary() {
        guard SmallASCIIString.isAvailable else { return }
        let text = Array("abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ0123456789".utf8)
        text.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count {
                for length in 1...min(SmallASCIIString.maximumLength, buffer.count - start) {
                    let made = SmallASCIIString.make(buffer, start: start, length: length)
                    let expected = String(decoding: buffer[start..<start + length], as: UTF8.self)
                    #expect(made == expected)
                    #expect(made.hashValue == expected.hashValue)
                    #expect(Array(made.utf8) == Array(expected.utf8))
                    #expect(made.count == length)
                    #expect(made + "!" == expected + "!")
                }
            }
        }
    }

    @Test func parsedNamesAndNumbersAreOrdinaryStrings() throws {
        let document = try Parser.parse("{ a abcdefghijklmno abcdefghijklmnop f(x: 123456789012345, y: 1.5e10, z: ENUM_VALUE) }")
        guard case .operation(let operation) = document.definitions[0] else { Issue.record("not an operation"); return }
        let names = operation.selectionSet.selections.compactMap { selection -> String? in
            if case .field(let field) = selection { return field.name.value }
            return nil
        }
        #expect(names == ["a", "abcdefghijklmno", "abcdefghijklmnop", "f"])
        #expect(Printer.print(document) == "{\n  a\n  abcdefghijklmno\n  abcdefghijklmnop\n  f(x: 123456789012345, y: 1.5e10, z: ENUM_VALUE)\n}")
    }
}
