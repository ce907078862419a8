import Foundation
import Testing
@testable import GraphQLKit

@Suite struct JSONTests {
    @Test func roundTripKeepsOrderAndTypes() throws {
        let text = #"{"z":1,"a":[true,false,null,-0,1.5,"s\n\"\u00e9\ud83d\ude00"],"m":{},"e":[],"big":12345678901234567890}"#
        let value = try JSONValue.parse(text)
        #expect(value["z"] == .int(1))
        #expect(value["a"]?[3] == .int(0))
        #expect(value["a"]?[5] == .string("s\n\"é😀"))
        #expect(value["big"] == .double(12345678901234567890))
        #expect(value.serialized() == #"{"z":1,"a":[true,false,null,0,1.5,"s\n\"é😀"],"m":{},"e":[],"big":12345678901234567000}"#)
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        #expect(try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#).serialized() == #"{"a":3,"b":2}"#)
    }

    @Test func largeObjectsUseAnIndex() {
        var object = JSONObject()
        for index in 0..<100 { object["k\(index)"] = .int(index) }
        object["k50"] = nil
        #expect(object.count == 99)
        #expect(object["k99"] == .int(99))
        #expect(object["k50"] == nil)
        #expect(object.keys.first == "k0")
    }

    @Test(arguments: [
        ("", "Unexpected end of input, expected a value at line 1, column 1 (byte 0)"),
        ("[1,]", "Unexpected character ']', expected a value at line 1, column 4 (byte 3)"),
        ("{\"a\" 1}", "Unexpected character '1', expected ':' at line 1, column 6 (byte 5)"),
        ("01", "Unexpected character '1' after the JSON value at line 1, column 2 (byte 1)"),
        ("\"\\x\"", "Invalid escape sequence in a string at line 1, column 2 (byte 1)"),
        ("\"a\nb\"", "Unescaped control character byte 0x0A in a string at line 1, column 3 (byte 2)"),
        ("[1 2]", "Unexpected character '2', expected ',' or ']' at line 1, column 4 (byte 3)"),
        ("\n  nul", "Unexpected character 'n', expected a value at line 2, column 3 (byte 3)"),
    ])
    func malformedInputIsReportedWithPosition(text: String, message: String) {
        do {
            _ = try JSONValue.parse(text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func loneSurrogates() throws {
        let (value, originals) = try JSONValue.parseKeepingLoneSurrogates(utf8: Array(#"["a\ud800b"]"#.utf8))
        #expect(value[0] == .string("a\u{FFFD}b"))
        #expect(originals["a\u{FFFD}b"] == [0x61, 0xED, 0xA0, 0x80, 0x62])
    }

    @Test(arguments: [
        (1e21, "1e+21"), (1e-7, "1e-7"), (-0.0, "0"), (0.1, "0.1"), (123e-20, "1.23e-18"), (1e20, "100000000000000000000"),
        (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (123456789012345680000, "123456789012345680000"),
        (0.000001, "0.000001"), (-1.5e-9, "-1.5e-9"), (100, "100"), (1.5, "1.5"), (0.5, "0.5"), (123.456, "123.456"),
        (1e-6, "0.000001"), (1.2e-6, "0.0000012"), (9007199254740992, "9007199254740992"),
    ] as [(Double, String)])
    func numbersPrintLikeECMAScript(value: Double, expected: String) {
        #expect(formatECMAScriptNumber(value) == expected)
    }

    /// Random doubles and strings serialized by JSON.stringify and by GraphQLKit, compared.
    @Test(.enabled("needs node (infra/bootstrap installs it)") { await hasNodeGraphQL() })
    func serializationMatchesJSONStringify() async throws {
        var generator = SplitMix64(seed: 42)
        var values: [JSONValue] = []
        for _ in 0..<3000 {
            let bits = generator.next()
            let double = Double(bitPattern: bits)
            if double.isFinite { values.append(.double(double)) }
            let scale = Double(generator.next() % 600) - 300
            values.append(.double(Double(Int64(bitPattern: generator.next()) % 1_000_000) * pow(10, scale)))
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(generator.next() % 6) {
                let candidates: [UInt32] = [0x0, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xE9, 0x2028, 0xFFFF, 0x1F600, 0x41]
                scalars.append(Unicode.Scalar(candidates[Int(generator.next() % UInt64(candidates.count))])!)
            }
            values.append(.string(String(scalars)))
        }
        let ours = JSONValue.array(values).serialized()
        let script = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(JSON.stringify(JSON.parse(s))))"
        let theirs = String(decoding: try await run(["node", "-e", script], input: Data(ours.utf8)), as: UTF8.self)
        #expect(ours == theirs)
    }
}

/// A tiny deterministic generator for test data.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
