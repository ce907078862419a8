import Foundation
import GraphQLKit

extension ConformanceRunner {
    /// op "execute" and "introspect": build the schema, check it (stage "schema"), parse
    /// (stage "parse"), validate (stage "validate"), execute with the oracle's resolver
    /// conventions (stage "execute").
    static func answerExecute(id: JSONValue?, testCase: JSONObject, introspect: Bool) -> String {
        let executable: ExecutableSchema<Void>
        switch self.executableSchema(id: id, sdl: testCase["sdl"]) {
        case .success(let built): executable = built
        case .failure(let failure): return failure.line
        }
        let text: String
        if introspect {
            text = IntrospectionQuery.standard
        } else {
            guard case .string(let query) = testCase["query"] else {
                let received = testCase["query"].map { $0.serialized() } ?? "undefined"
                return result(id: id, stage: "parse", errors: [.object(["message": .string("Body must be a string. Received: \(received).")])])
            }
            text = query
        }
        let document: Document
        do {
            document = try Parser.parse(Source(body: text))
        } catch {
            return result(id: id, stage: "parse", errors: [oracleJSON(error)])
        }
        let invalid = conformanceValidator.validate(executable.schema, document)
        if !invalid.isEmpty {
            return result(id: id, stage: "validate", errors: invalid.map(oracleJSON))
        }
        var variables = JSONObject()
        if case .object(let given)? = testCase["variables"] { variables = given }
        let operationName = testCase["operationName"]?.stringValue
        let rootValue: JSONValue
        switch testCase["rootValue"] {
        case nil: rootValue = .object(JSONObject())
        case let value?: rootValue = value
        }
        do {
            let response = try executable.executeSynchronously(document: document, operationName: operationName, variables: variables,
                                                               context: (), rootValue: .json(rootValue))
            return executeResult(id: id, response: response)
        } catch {
            return result(id: id, stage: "oracle-error", errors: [.object(["message": .string(error.message)])])
        }
    }

    /// `{"id":…,"stage":"execute","errors":[…],"data":…}` with the data bytes spliced in.
    static func executeResult(id: JSONValue?, response: GraphQLResponse) -> String {
        var head = result(id: id, stage: "execute", errors: response.errors.map(oracleJSON))
        if let data = response.data {
            head.removeLast()
            return head + ",\"data\":" + String(decoding: data, as: UTF8.self) + "}"
        }
        return head
    }

    /// The executable schema for a case's SDL (cached like the schema), or the "schema" stage
    /// result line: a build error, or the schema's type-system errors.
    static func executableSchema(id: JSONValue?, sdl: JSONValue?) -> Result<ExecutableSchema<Void>, SchemaFailure> {
        let schema: GraphQLSchema
        switch self.schema(id: id, sdl: sdl) {
        case .success(let built): schema = built
        case .failure(let failure): return .failure(failure)
        }
        let errors = schema.validationErrors
        if !errors.isEmpty {
            return .failure(SchemaFailure(line: result(id: id, stage: "schema", errors: errors.map(oracleJSON))))
        }
        let key = ObjectIdentifier(schema)
        if let cached = executableCache.withLock({ $0[key] }) { return .success(cached) }
        do {
            let executable = try ExecutableSchema<Void>(schema: schema, options: ExecutionOptions(
                validator: conformanceValidator, defaultFieldResolver: oracleResolver, documentCacheSize: 0))
            executableCache.withLock { cache in
                if cache.count > 256 { cache.removeAll() }
                cache[key] = executable
            }
            return .success(executable)
        } catch {
            return .failure(SchemaFailure(line: result(id: id, stage: "schema", errors: [oracleJSON(error)])))
        }
    }

    /// The oracle's resolver conventions: a field's value `{"$error": msg}` throws `msg`,
    /// `{"$echoArgs": true}` resolves to `JSON.stringify(args)`, anything else is the value.
    static let oracleResolver = DefaultFieldResolver { source, fieldName, arguments in
        guard let value = source[fieldName] else { return .null }
        if case .object(let object) = value {
            if case .string(let message)? = object["$error"] { throw ThrownError(message: message) }
            if object["$echoArgs"] == .bool(true) { return .string(JSONValue.object(arguments.values).serialized()) }
        }
        return .json(value)
    }

    /// The validation the oracle runs before executing: graphql-js's specified rules.
    static let conformanceValidator = DocumentValidator.specified

    /// A resolver's thrown `Error(msg)`: only its message shows.
    struct ThrownError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// Executable schemas by schema identity.
private let executableCache = ExecutableCache()

/// `@unchecked Sendable`: `executables` is only read or written inside `withLock`, while `lock` is held.
private final class ExecutableCache: @unchecked Sendable {
    private var executables: [ObjectIdentifier: ExecutableSchema<Void>] = [:]
    private let lock = NSLock()

    func withLock<T>(_ body: (inout [ObjectIdentifier: ExecutableSchema<Void>]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&executables)
    }
}
