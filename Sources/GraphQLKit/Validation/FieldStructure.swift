/// Numbers fields and selection sets by structure — name, alias, arguments and sub-selections
/// (not directives, not locations) — so OverlappingFieldsCanBeMerged can recognise fields it
/// already compared. Nodes are remembered by their location.
struct FieldStructure {
    private enum Key: Hashable {
        case field(name: String, alias: String?, arguments: String, selectionSet: Int)
        case spread(String)
        case inline(String?, Int)
        case selectionSet([Int])
    }

    private var ids: [Key: Int] = [:]
    private var fieldIds: [Int: Int] = [:]
    private var selectionSetIds: [Int: Int] = [:]
    private var argumentKeys: [Int: String] = [:]

    private mutating func intern(_ key: Key) -> Int {
        if let id = ids[key] { return id }
        let id = ids.count
        ids[key] = id
        return id
    }

    /// The structure number of a field; nil for a node without a location.
    mutating func id(of field: Field) -> Int? {
        guard let start = field.location?.start else { return nil }
        if let id = fieldIds[start] { return id }
        var selectionSetId = -1
        if let selectionSet = field.selectionSet {
            guard let id = id(of: selectionSet) else { return nil }
            selectionSetId = id
        }
        let id = intern(.field(name: field.name.value, alias: field.alias?.value, arguments: argumentsKey(field), selectionSet: selectionSetId))
        fieldIds[start] = id
        return id
    }

    private mutating func id(of selectionSet: SelectionSet) -> Int? {
        guard let start = selectionSet.location?.start else { return nil }
        if let id = selectionSetIds[start] { return id }
        var children: [Int] = []
        children.reserveCapacity(selectionSet.selections.count)
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard let id = id(of: field) else { return nil }
                children.append(id)
            case .fragmentSpread(let spread):
                children.append(intern(.spread(spread.name.value)))
            case .inlineFragment(let inline):
                guard let id = id(of: inline.selectionSet) else { return nil }
                children.append(intern(.inline(inline.typeCondition?.name.value, id)))
            }
        }
        let id = intern(.selectionSet(children))
        selectionSetIds[start] = id
        return id
    }

    /// The field's arguments in a canonical form: equal exactly when graphql-js's
    /// `print(sortValueNode(arguments))` is equal (object fields sorted by name, at any depth).
    mutating func argumentsKey(_ field: Field) -> String {
        if field.arguments.isEmpty { return "" }
        if let start = field.location?.start, let cached = argumentKeys[start] { return cached }
        let sorted = Self.sortedByName(field.arguments.map { ($0.name.value, $0.value) })
        let key = sorted.map { $0.0 + ":" + Self.canonical($0.1) }.joined(separator: ",")
        if let start = field.location?.start { argumentKeys[start] = key }
        return key
    }

    private static func sortedByName(_ entries: [(String, Value)]) -> [(String, Value)] {
        // A stable sort by natural order, as JavaScript's Array.prototype.sort.
        entries.enumerated().sorted { a, b in
            let order = naturalCompare(a.element.0, b.element.0)
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }

    private static func canonical(_ value: Value) -> String {
        switch value {
        case .object(let object):
            let sorted = sortedByName(object.fields.map { ($0.name.value, $0.value) })
            return "{" + sorted.map { $0.0 + ":" + canonical($0.1) }.joined(separator: ",") + "}"
        case .list(let list):
            return "[" + list.values.map(canonical).joined(separator: ",") + "]"
        default:
            return Printer.print(value)
        }
    }
}
