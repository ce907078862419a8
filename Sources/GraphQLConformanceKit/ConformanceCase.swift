import GraphQLKit

/// Answers the reference oracle's cases (`../shared/tools/graphql-oracle.js`) with GraphQLKit,
/// one NDJSON line in, one line out, in the oracle's result format, so the two outputs can be
/// compared line by line.
///
/// ```swift
/// let line = ConformanceRunner.answer(line: #"{"id": 1, "op": "parse", "query": "{a}"}"#)
/// // {"id":1,"stage":"parse","errors":[],"printed":"{\n  a\n}"}
/// ```
///
/// It never throws and never traps on bad input: a line that is not a JSON object becomes a
/// `"harness-error"` result.
public enum ConformanceRunner {
    /// The result line (without the trailing newline) for one case line, or nil for a blank
    /// line, which the oracle skips too.
    public static func answer(line: String) -> String? {
        answer(utf8: Array(line.utf8))
    }

    /// The result line for one case line given as UTF-8 bytes.
    public static func answer(utf8 line: [UInt8]) -> String? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0x0B || $0 == 0x0C }) { return nil }
        let parsed: (value: JSONValue, loneSurrogateStrings: [String: [UInt8]])
        do {
            parsed = try JSONValue.parseKeepingLoneSurrogates(utf8: line)
        } catch {
            return result(id: nil, stage: "harness-error", errors: [.object(["message": .string("Invalid case line: \(error.description)")])])
        }
        guard case .object(let testCase) = parsed.value else {
            return result(id: nil, stage: "harness-error", errors: [.object(["message": .string("A case must be a JSON object.")])])
        }
        let id = testCase["id"]
        switch testCase["op"] {
        case .string("parse"):
            return answerParse(id: id, query: testCase["query"], loneSurrogateStrings: parsed.loneSurrogateStrings)
        case .string("printSchema"):
            return answerPrintSchema(id: id, testCase: testCase)
        case .string("execute"):
            return answerExecute(id: id, testCase: testCase, introspect: false)
        case .string("introspect"):
            return answerExecute(id: id, testCase: testCase, introspect: true)
        case .string("validate"):
            return answerValidate(id: id, testCase: testCase)
        default:
            return result(id: id, stage: "unsupported", errors: [])
        }
    }

    /// op "parse": `print(parse(query))`, or the syntax error.
    static func answerParse(id: JSONValue?, query: JSONValue?, loneSurrogateStrings: [String: [UInt8]]) -> String {
        guard case .string(let text) = query else {
            // graphql-js's Source constructor rejects a non-string body with a plain Error.
            let received = query.map { $0.serialized() } ?? "undefined"
            return result(id: id, stage: "parse", errors: [.object(["message": .string("Body must be a string. Received: \(received).")])])
        }
        let source = loneSurrogateStrings[text].map { Source(utf8: $0) } ?? Source(body: text)
        do {
            let document = try Parser.parse(source)
            return result(id: id, stage: "parse", errors: [], printed: Printer.print(document))
        } catch {
            return result(id: id, stage: "parse", errors: [oracleJSON(error)])
        }
    }

    /// An error as the oracle's `plain()` reduces it: message, locations, path.
    static func oracleJSON(_ error: GraphQLError) -> JSONValue {
        var reduced = error
        reduced.extensions = nil
        return reduced.jsonValue
    }

    static func result(id: JSONValue?, stage: String, errors: [JSONValue], printed: String? = nil) -> String {
        var object = JSONObject()
        if let id { object.appendNew("id", id) }
        object.appendNew("stage", .string(stage))
        object.appendNew("errors", .array(errors))
        if let printed { object.appendNew("printed", .string(printed)) }
        return JSONValue.object(object).serialized()
    }
}
