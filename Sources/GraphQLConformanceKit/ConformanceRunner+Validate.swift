import GraphQLKit

extension ConformanceRunner {
    /// op "validate": build and check the schema (stage "schema"), parse (stage "parse"), then
    /// `validate(schema, document)` with the specified rules (stage "validate", errors or none).
    static func answerValidate(id: JSONValue?, testCase: JSONObject) -> String {
        let schema: GraphQLSchema
        switch self.schema(id: id, sdl: testCase["sdl"]) {
        case .success(let built): schema = built
        case .failure(let failure): return failure.line
        }
        let schemaErrors = schema.validationErrors
        if !schemaErrors.isEmpty {
            return result(id: id, stage: "schema", errors: schemaErrors.map(oracleJSON))
        }
        guard case .string(let text) = testCase["query"] else {
            let received = testCase["query"].map { $0.serialized() } ?? "undefined"
            return result(id: id, stage: "parse", errors: [.object(["message": .string("Body must be a string. Received: \(received).")])])
        }
        let document: Document
        do {
            document = try Parser.parse(Source(body: text))
        } catch {
            return result(id: id, stage: "parse", errors: [oracleJSON(error)])
        }
        return result(id: id, stage: "validate", errors: validate(schema: schema, document: document).map(oracleJSON))
    }
}
