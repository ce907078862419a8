/// Root Operation Types (GraphQL specification 3.3.1): each operation type is given one root type.
public final class UniqueOperationTypesRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private var defined: [OperationType: Location?] = [:]
    private let existing: Set<OperationType>

    public init(context: ValidationContext) {
        var existing: Set<OperationType> = []
        if let schema = context.extendedSchema {
            for operation in OperationType.allCases where schema.rootType(for: operation) != nil { existing.insert(operation) }
        }
        self.existing = existing
    }

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        let operationTypes: [OperationTypeDefinition]
        switch node.definition {
        case .schema(let schema)?: operationTypes = schema.operationTypes
        case .schemaExtension(let schema)?: operationTypes = schema.operationTypes
        default: return .proceed
        }
        for operationType in operationTypes {
            let operation = operationType.operation
            if existing.contains(operation) {
                context.report("Type for \(operation.rawValue) already defined in the schema. It cannot be redefined.", node: operationType.location)
            } else if let first = defined[operation] {
                context.report("There can be only one \(operation.rawValue) type in schema.", nodes: [first, operationType.location])
            } else {
                defined[operation] = operationType.location
            }
        }
        return .skip
    }
}
