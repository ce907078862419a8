import Foundation
import GraphQLKit

extension ConformanceRunner {
    /// The schema built from a case's `sdl`, or the result line reporting why there is none
    /// (stage "schema"), as the oracle's `schemaFor` does.
    static func schema(id: JSONValue?, sdl: JSONValue?) -> Result<GraphQLSchema, SchemaFailure> {
        guard case .string(let text) = sdl else {
            let received = sdl.map { $0.serialized() } ?? "undefined"
            return .failure(SchemaFailure(line: result(id: id, stage: "schema", errors: [.object(["message": .string("Body must be a string. Received: \(received).")])])))
        }
        if let cached = schemaCache.withLock({ $0[text] }) { return .success(cached) }
        do {
            let schema = try buildSchema(text)
            schemaCache.withLock { cache in
                if cache.count > 256 { cache.removeAll() }
                cache[text] = schema
            }
            return .success(schema)
        } catch {
            return .failure(SchemaFailure(line: result(id: id, stage: "schema", errors: [oracleJSON(error)])))
        }
    }

    /// A case that ended at the schema stage: its finished result line.
    struct SchemaFailure: Error {
        let line: String
    }

    /// op "printSchema": `printSchema(buildSchema(sdl))`.
    static func answerPrintSchema(id: JSONValue?, testCase: JSONObject) -> String {
        let schema: GraphQLSchema
        switch self.schema(id: id, sdl: testCase["sdl"]) {
        case .success(let built): schema = built
        case .failure(let failure): return failure.line
        }
        do {
            return result(id: id, stage: "schema", errors: [], printed: try printSchema(schema))
        } catch {
            // graphql-js throws out of printSchema here; the oracle reports it as its own failure.
            return result(id: id, stage: "oracle-error", errors: [.object(["message": .string(error.message)])])
        }
    }
}

/// Schemas by SDL text, as the oracle caches them (corpora reuse a few schemas many times).
private let schemaCache = SchemaCache()

/// A lock-protected dictionary of schemas (tests call the runner from several threads).
///
/// `@unchecked Sendable`: `schemas` is only read or written inside `withLock`, while `lock` is held.
final class SchemaCache: @unchecked Sendable {
    private var schemas: [String: GraphQLSchema] = [:]
    private let lock = NSLock()

    func withLock<T>(_ body: (inout [String: GraphQLSchema]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&schemas)
    }
}
