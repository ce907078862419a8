import GraphQLKit

/// The client's selection set at one response position, collected once per possible runtime
/// type (fragments flattened, same response keys merged, field types looked up), so shaping a
/// response walks plain arrays instead of the document.
final class ResponseShape: Sendable {
    /// One field of a collected selection.
    struct Field: Sendable {
        enum Kind: Sendable {
            case typename
            /// `__schema` / `__type`: copied from the introspection result as is.
            case introspection
            case field(name: String, type: GraphQLType, child: ResponseShape?)
        }

        let responseKey: String
        let kind: Kind
        /// `"responseKey":`, JSON-escaped once when the shape is built.
        let keyBytes: [UInt8]

        init(responseKey: String, kind: Kind) {
            self.responseKey = responseKey
            self.kind = kind
            var bytes: [UInt8] = []
            writeJSONKey(responseKey, to: &bytes)
            self.keyBytes = bytes
        }
    }

    /// Collected fields per runtime type name.
    let fieldsByType: [String: [Field]]
    /// The only runtime type and its fields, when there is one (most positions): found by one
    /// string comparison instead of a hash lookup.
    let soleTypeName: String?
    let soleFields: [Field]

    init(fieldsByType: [String: [Field]]) {
        self.fieldsByType = fieldsByType
        if fieldsByType.count == 1, let (name, fields) = fieldsByType.first {
            soleTypeName = name
            soleFields = fields
        } else {
            soleTypeName = nil
            soleFields = []
        }
    }

    /// The fields collected for objects of `typeName`, nil when the type is not a possible one.
    @inline(__always)
    func fields(for typeName: String) -> [Field]? {
        if let soleTypeName { return soleTypeName == typeName ? soleFields : nil }
        return fieldsByType[typeName]
    }

    /// The shape of an operation, or nil when it uses `@skip`/`@include` anywhere (their
    /// variables decide the selection per request).
    static func make(operation: OperationDefinition, fragments: [String: FragmentDefinition], rootTypeName: String,
                     schema: GraphQLSchema) -> ResponseShape? {
        var builder = Builder(schema: schema, fragments: fragments)
        return builder.shape(operation.selectionSet.selections, runtimeTypes: [rootTypeName], depth: 0)
    }

    private struct Builder {
        let schema: GraphQLSchema
        let fragments: [String: FragmentDefinition]

        /// Nil when a conditional directive is met or the nesting is absurd.
        mutating func shape(_ selections: SelectionList, runtimeTypes: [String], depth: Int) -> ResponseShape? {
            guard depth < 200 else { return nil }
            var byType: [String: [Field]] = [:]
            for typeName in runtimeTypes {
                var collected: [(key: String, name: String, selections: SelectionList)] = []
                var positions: [String: Int] = [:]
                guard collect(selections, typeName: typeName, into: &collected, positions: &positions, visited: []) else { return nil }
                var fields: [Field] = []
                fields.reserveCapacity(collected.count)
                for entry in collected {
                    switch entry.name {
                    case "__typename":
                        fields.append(Field(responseKey: entry.key, kind: .typename))
                    case "__schema", "__type":
                        fields.append(Field(responseKey: entry.key, kind: .introspection))
                    default:
                        guard let definition = schema.field(entry.name, on: typeName) else { continue }
                        var child: ResponseShape?
                        let named = definition.type.namedTypeName
                        if let type = schema.namedType(named), type.isCompositeType {
                            let possible = type.isAbstractType ? schema.possibleTypes(of: named).map(\.name) : [named]
                            guard let built = shape(entry.selections, runtimeTypes: possible, depth: depth + 1) else { return nil }
                            child = built
                        }
                        fields.append(Field(responseKey: entry.key, kind: .field(name: entry.name, type: definition.type, child: child)))
                    }
                }
                byType[typeName] = fields
            }
            return ResponseShape(fieldsByType: byType)
        }

        private func applies(_ typeCondition: String?, to typeName: String) -> Bool {
            guard let typeCondition, typeCondition != typeName else { return true }
            return schema.isPossibleType(typeCondition, typeName)
        }

        /// False when a selection carries `@skip` or `@include`.
        private func collect(_ selections: SelectionList, typeName: String, into fields: inout [(key: String, name: String, selections: SelectionList)],
                             positions: inout [String: Int], visited: Set<String>) -> Bool {
            for selection in selections {
                if selection.directives.contains(where: { $0.name.value == "skip" || $0.name.value == "include" }) { return false }
                switch selection {
                case .field(let field):
                    let key = field.responseKey
                    if let position = positions[key] {
                        fields[position].selections.append(contentsOf: field.selectionSet?.selections ?? [])
                    } else {
                        positions[key] = fields.count
                        fields.append((key, field.name.value, field.selectionSet?.selections ?? []))
                    }
                case .inlineFragment(let fragment):
                    guard applies(fragment.typeCondition?.name.value, to: typeName) else { continue }
                    guard collect(fragment.selectionSet.selections, typeName: typeName, into: &fields, positions: &positions, visited: visited) else { return false }
                case .fragmentSpread(let spread):
                    let name = spread.name.value
                    guard !visited.contains(name), let fragment = fragments[name], applies(fragment.typeCondition.name.value, to: typeName) else { continue }
                    guard collect(fragment.selectionSet.selections, typeName: typeName, into: &fields, positions: &positions,
                                  visited: visited.union([name])) else { return false }
                }
            }
            return true
        }
    }
}
