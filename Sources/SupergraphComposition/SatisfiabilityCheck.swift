import GraphQLKit

/// SATISFIABILITY_ERROR: explores the query paths of the supergraph's API schema from its root
/// types and checks that every field on every path can be resolved by some subgraph the query
/// can be in at that point — directly, through a `@provides`, or after moving to another
/// subgraph with a resolvable `@key` whose fields are available (keys reached through other
/// keys count). A field that cannot be reached is reported once, with the first (shortest)
/// query that reaches it and, per subgraph the query can be in, why it cannot go on.
struct SatisfiabilityCheck {
    /// Where a query can be: an object of `type` fetched from subgraph `graph`, with the fields
    /// `provided` there by a `@provides` on the field that led to it.
    struct Position: Hashable {
        let type: String
        let graph: Int
        let provided: FieldSet?
    }

    /// One step of a query path: a field (with its supergraph type) or a type condition.
    enum Step {
        case field(MergedField)
        case fragment(String)
    }

    /// A supergraph type reached by a query path, with every position the query can be in.
    struct PathState {
        let type: String
        let positions: [Position]
        let path: [Step]

        init(type: String, positions: [Position], path: [Step]) {
            self.type = type
            var unique: [Position] = []
            var seen: Set<Position> = []
            for position in positions where seen.insert(position).inserted { unique.append(position) }
            self.positions = unique
            self.path = path
        }
    }

    let merger: Merger
    /// Parsed key, requires and provides texts (each text is parsed once).
    private let fieldSets = FieldSetCache()
    /// The exploration stops after this many distinct states (big supergraphs stay bounded).
    static let stateLimit = 20_000

    func errors() -> [CompositionError] {
        var errors: [CompositionError] = []
        var reported: Set<String> = []
        var visited: Set<String> = []
        var queue: [PathState] = []
        // States are deduplicated when queued, so the queue never outgrows the state limit.
        func enqueue(_ state: PathState) {
            guard visited.count < Self.stateLimit else { return }
            let signature = state.type + "|" + state.positions.map { "\($0.type).\($0.graph).\($0.provided?.normalized ?? "")" }.sorted().joined(separator: ",")
            if visited.insert(signature).inserted { queue.append(state) }
        }
        for operation in [OperationType.query, .mutation] {
            guard let root = merger.rootTypeNames[operation], let type = merger.types[root] else { continue }
            enqueue(PathState(type: root, positions: type.graphs.map { Position(type: root, graph: $0, provided: nil) }, path: []))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            guard let type = merger.types[state.type] else { continue }
            let isRoot = merger.rootTypeNames.values.contains(state.type)
            let reachable = isRoot ? state.positions : closure(state.positions, typeName: state.type)
            for field in type.fields.values where !field.markers.inaccessible {
                guard let fieldType = field.type, !(merger.types[fieldType.namedTypeName]?.markers.inaccessible ?? false) else { continue }
                let resolving = reachable.filter { resolves(field.name, at: $0, among: reachable) }
                if resolving.isEmpty {
                    let coordinate = "\(state.type).\(field.name)"
                    if reported.insert(coordinate).inserted {
                        errors.append(error(field, of: type, state: state))
                    }
                    continue
                }
                guard let child = merger.types[fieldType.namedTypeName], child.kind == .object || child.kind == .interface || child.kind == .union else { continue }
                let next = resolving.flatMap { childPositions(field, at: $0) }
                let path = state.path + [.field(field)]
                if child.kind == .object {
                    enqueue(PathState(type: child.name, positions: next, path: path))
                } else {
                    for object in possibleObjects(child) {
                        let positions = next.flatMap { concretePositions(object, of: child, from: $0) }
                        if positions.isEmpty { continue }
                        enqueue(PathState(type: object, positions: positions, path: path + [.fragment(object)]))
                    }
                }
            }
        }
        return errors
    }

    // MARK: Positions

    /// Every position reachable from `positions` on an object of type `typeName` by entity
    /// moves: another subgraph's resolvable key of the type (or of an `@interfaceObject` for one
    /// of its interfaces), whose fields some reached position has.
    func closure(_ positions: [Position], typeName: String) -> [Position] {
        var result = positions
        var seen = Set(positions)
        var head = 0
        let interfaces = merger.types[typeName]?.interfaces ?? []
        // The type's own keys, the same from every position.
        let ownTargets: [(type: String, graph: Int, keys: [String])] = merger.types[typeName]?.appearances.map { appearance in
            (typeName, appearance.graph, appearance.keys.filter(\.resolvable).map(\.fields))
        } ?? []
        while head < result.count {
            let position = result[head]
            head += 1
            var targets = ownTargets
            for interface in interfaces {
                guard let merged = merger.types[interface] else { continue }
                for appearance in merged.appearances where appearance.isInterfaceObject || position.type == interface {
                    // To an interface object by its key; from one back to an owner of the interface.
                    let destination = appearance.isInterfaceObject ? interface : typeName
                    targets.append((destination, appearance.graph, appearance.keys.filter(\.resolvable).map(\.fields)))
                }
            }
            for target in targets where target.graph != position.graph && merger.types[target.type]?.appearance(in: target.graph) != nil {
                let candidate = Position(type: target.type, graph: target.graph, provided: nil)
                guard !seen.contains(candidate) else { continue }
                let movable = target.keys.contains { key in
                    guard let fieldSet = fieldSets.parse(key) else { return false }
                    return has(fieldSet.selectionSet.selections, on: position.type, in: position.graph, provided: position.provided?.selectionSet.selections)
                }
                if movable {
                    seen.insert(candidate)
                    result.append(candidate)
                }
            }
        }
        return result
    }

    /// The field's appearance in the position's subgraph when that subgraph resolves it (not
    /// external, not taken over by a non-progressive `@override`).
    func resolvingAppearance(_ fieldName: String, typeName: String, graph: Int) -> FieldAppearance? {
        guard let field = merger.types[typeName]?.fields[fieldName], let appearance = field.appearance(in: graph),
              !appearance.external, !merger.overriddenGraphs(field).contains(graph) else { return nil }
        return appearance
    }

    /// True when the query, at `position`, gets `fieldName` there: provided, or resolved with
    /// its `@requires` fields available at some reached position.
    func resolves(_ fieldName: String, at position: Position, among reachable: [Position]) -> Bool {
        if providedField(fieldName, position.provided) != nil { return true }
        guard let appearance = resolvingAppearance(fieldName, typeName: position.type, graph: position.graph) else { return false }
        guard let requires = appearance.requires else { return true }
        guard let fieldSet = fieldSets.parse(requires) else { return false }
        return fieldSet.selectionSet.selections.allSatisfy { selection in
            reachable.contains { has([selection], on: $0.type, in: $0.graph, provided: $0.provided?.selectionSet.selections) }
        }
    }

    /// True when subgraph `graph` can return every field of `selections` on `typeName`.
    func has(_ selections: SelectionList, on typeName: String, in graph: Int, provided: SelectionList?) -> Bool {
        selections.allSatisfy { selection in
            switch selection {
            case .field(let field):
                let name = field.name.value
                if name == "__typename" { return true }
                let providedHere = providedField(name, provided.map { SelectionSet(selections: $0) })
                let appearance = merger.types[typeName]?.fields[name]?.appearance(in: graph)
                guard providedHere != nil || (appearance.map { !$0.external } ?? false) else { return false }
                guard let sub = field.selectionSet else { return true }
                guard let childType = appearance?.type.namedTypeName ?? merger.types[typeName]?.fields[name]?.type?.namedTypeName else { return false }
                return has(sub.selections, on: childType, in: graph, provided: providedHere?.selectionSet?.selections)
            case .inlineFragment(let fragment):
                return has(fragment.selectionSet.selections, on: fragment.typeCondition?.name.value ?? typeName, in: graph, provided: provided)
            case .fragmentSpread:
                return false
            }
        }
    }

    private func providedField(_ name: String, _ provided: FieldSet?) -> Field? {
        providedField(name, provided?.selectionSet)
    }

    private func providedField(_ name: String, _ provided: SelectionSet?) -> Field? {
        for selection in provided?.selections ?? [] {
            if case .field(let field) = selection, field.name.value == name { return field }
        }
        return nil
    }

    /// Where the query is after resolving `field` at `position`: the field's type in the same
    /// subgraph, with what its `@provides` (or the enclosing one) provides there.
    func childPositions(_ field: MergedField, at position: Position) -> [Position] {
        guard let typeName = field.type?.namedTypeName else { return [] }
        var provided: FieldSet?
        if let sub = providedField(field.name, position.provided)?.selectionSet {
            let printed = Printer.print(sub)
            provided = try? FieldSet(String(printed.dropFirst().dropLast()))
        } else if let text = merger.types[position.type]?.fields[field.name]?.appearance(in: position.graph)?.provides {
            provided = fieldSets.parse(text)
        }
        return [Position(type: typeName, graph: position.graph, provided: provided)]
    }

    /// The object types a field of abstract type `abstract` can return.
    func possibleObjects(_ abstract: MergedType) -> [String] {
        if abstract.kind == .union { return abstract.memberOrder.filter { merger.types[$0]?.kind == .object } }
        return merger.implementations(of: abstract.name).filter { $0.kind == .object && !$0.markers.inaccessible }.map(\.name)
    }

    /// Where the query is when the abstract value at `position` is an `object`: the same
    /// subgraph when it returns that object there; an owner of the interface (by its key) when
    /// the subgraph only knows the interface as an `@interfaceObject`.
    func concretePositions(_ object: String, of abstract: MergedType, from position: Position) -> [Position] {
        guard let objectType = merger.types[object] else { return [] }
        if abstract.appearance(in: position.graph)?.isInterfaceObject == true {
            return abstract.appearances.filter { $0.kind == .interface && $0.keys.contains(where: \.resolvable) }.compactMap { owner in
                let keys = owner.keys.filter(\.resolvable).compactMap { fieldSets.parse($0.fields) }
                guard keys.contains(where: { has($0.selectionSet.selections, on: abstract.name, in: position.graph, provided: position.provided?.selectionSet.selections) }),
                      objectType.appearance(in: owner.graph) != nil else { return nil }
                return Position(type: object, graph: owner.graph, provided: nil)
            }
        }
        guard objectType.appearance(in: position.graph) != nil else { return [] }
        let returned = abstract.kind == .union
            ? abstract.unionMembers.contains { $0.graph == position.graph && $0.member == object }
            : objectType.implementations.contains { $0.graph == position.graph && $0.interface == abstract.name }
        guard returned else { return [] }
        return [Position(type: object, graph: position.graph, provided: position.provided)]
    }

    // MARK: Messages

    func error(_ field: MergedField, of type: MergedType, state: PathState) -> CompositionError {
        let coordinate = "\(type.name).\(field.name)"
        let reachable = merger.rootTypeNames.values.contains(state.type) ? state.positions : closure(state.positions, typeName: state.type)
        var sources: [Int] = []
        for position in state.positions where !sources.contains(position.graph) { sources.append(position.graph) }
        var lines: [String] = []
        var extra: [Int] = []
        for source in sources {
            var reasons: [String] = []
            if let appearance = field.appearance(in: source) {
                if appearance.external {
                    reasons.append("field \"\(coordinate)\" is not resolvable because marked @external.")
                } else if merger.overriddenGraphs(field).contains(source),
                          let by = field.appearances.first(where: { $0.override == merger.graphName(source) && $0.overrideLabel == nil }) {
                    reasons.append("field \"\(coordinate)\" is not resolvable because it is overridden by subgraph \"\(merger.graphName(by.graph))\".")
                } else if appearance.requires != nil {
                    reasons.append("cannot satisfy @require conditions on field \"\(coordinate)\".")
                } else {
                    reasons.append("cannot find field \"\(coordinate)\".")
                }
            } else {
                reasons.append("cannot find field \"\(coordinate)\".")
            }
            let overridden = merger.overriddenGraphs(field)
            for appearance in field.appearances where appearance.graph != source && !appearance.external && !overridden.contains(appearance.graph) {
                let target = merger.graphName(appearance.graph)
                let keys = type.appearance(in: appearance.graph)?.keys ?? []
                if keys.isEmpty {
                    reasons.append("cannot move to subgraph \"\(target)\", which has field \"\(coordinate)\", because type \"\(type.name)\" has no @key defined in subgraph \"\(target)\".")
                } else if !keys.contains(where: \.resolvable) {
                    reasons.append("cannot move to subgraph \"\(target)\", which has field \"\(coordinate)\", because none of the @key defined on type \"\(type.name)\" in subgraph \"\(target)\" are resolvable (they are all declared with their \"resolvable\" argument set to false).")
                } else if !reachable.contains(where: { $0.graph == appearance.graph && $0.type == type.name }) {
                    for key in keys where key.resolvable {
                        let fields = fieldSets.parse(key.fields)?.normalized ?? key.fields
                        reasons.append("cannot move to subgraph \"\(target)\" using @key(fields: \"\(fields)\") of \"\(type.name)\", the key field(s) cannot be resolved from subgraph \"\(merger.graphName(source))\".")
                    }
                }
            }
            let name = merger.graphName(source)
            // A subgraph reached by a key that has the field but cannot get its @requires.
            for position in reachable where !sources.contains(position.graph) && !extra.contains(position.graph)
                && position.type == type.name && resolvingAppearance(field.name, typeName: type.name, graph: position.graph)?.requires != nil {
                extra.append(position.graph)
            }
            if reasons.count == 1 {
                lines.append("- from subgraph \"\(name)\": \(reasons[0])")
            } else {
                lines.append("- from subgraph \"\(name)\":\n" + reasons.map { "  - " + $0 }.joined(separator: "\n"))
            }
        }
        for graph in extra {
            lines.append("- from subgraph \"\(merger.graphName(graph))\": cannot satisfy @require conditions on field \"\(coordinate)\".")
        }
        let message = "The following supergraph API query:\n\(witness(state, field))\ncannot be satisfied by the subgraphs because:\n" + lines.joined(separator: "\n")
        return CompositionError(code: "SATISFIABILITY_ERROR", message: message)
    }

    /// The query that reaches `field` along `state.path`, printed with two-space indents.
    func witness(_ state: PathState, _ field: MergedField) -> String {
        let steps = state.path + [.field(field)]
        var lines: [String] = []
        let isMutation = merger.rootTypeNames[.mutation] == rootOf(state)
        lines.append(isMutation ? "mutation {" : "{")
        for (depth, step) in steps.enumerated() {
            let pad = String(repeating: "  ", count: depth + 1)
            switch step {
            case .fragment(let typeName):
                lines.append(pad + "... on \(typeName) {")
            case .field(let stepField):
                let arguments = stepField.arguments.values.compactMap { argument -> String? in
                    guard let type = argument.type, type.isNonNull, argument.defaultValue == nil else { return nil }
                    return "\(argument.name): \(placeholder(type))"
                }
                let text = stepField.name + (arguments.isEmpty ? "" : "(" + arguments.joined(separator: ", ") + ")")
                let isLast = depth == steps.count - 1
                if isLast {
                    if let named = stepField.type?.namedTypeName, let kind = merger.types[named]?.kind,
                       kind == .object || kind == .interface || kind == .union {
                        lines.append(pad + text + " {")
                        lines.append(pad + "  ...")
                        lines.append(pad + "}")
                    } else {
                        lines.append(pad + text)
                    }
                } else {
                    lines.append(pad + text + " {")
                }
            }
        }
        for depth in stride(from: steps.count - 1, to: 0, by: -1) {
            lines.append(String(repeating: "  ", count: depth) + "}")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func rootOf(_ state: PathState) -> String? {
        guard case .field(let first)? = state.path.first else { return state.type }
        for (_, root) in merger.rootTypeNames where merger.types[root]?.fields[first.name] === first { return root }
        return nil
    }

    /// A value of `type` for a required argument of the witness query.
    func placeholder(_ type: GraphQLType) -> String {
        switch type {
        case .nonNull(let inner): return placeholder(inner)
        case .list: return "[]"
        case .named(let name):
            switch name {
            case "ID": return "\"<any id>\""
            case "String": return "\"A string value\""
            case "Int": return "0"
            case "Float": return "3.14"
            case "Boolean": return "true"
            default:
                guard let named = merger.types[name] else { return "\"<any value>\"" }
                switch named.kind {
                case .enum:
                    return named.enumValues.values.first { !$0.markers.inaccessible }?.name ?? "\"<any value>\""
                case .inputObject:
                    let fields = named.fields.values.compactMap { input -> String? in
                        guard let type = input.type, type.isNonNull, input.defaultValue == nil else { return nil }
                        return "\(input.name): \(placeholder(type))"
                    }
                    return "{" + fields.joined(separator: ", ") + "}"
                default:
                    return "\"<any value>\""
                }
            }
        }
    }
}

/// Field sets parsed once per text during one check.
final class FieldSetCache {
    private var parsed: [String: FieldSet?] = [:]

    func parse(_ text: String) -> FieldSet? {
        if let cached = parsed[text] { return cached }
        let fieldSet = try? FieldSet(text)
        parsed[text] = fieldSet
        return fieldSet
    }
}

extension Merger {
    /// SATISFIABILITY_ERROR for every field no query path can resolve (see ``SatisfiabilityCheck``).
    mutating func checkSatisfiability() {
        for error in SatisfiabilityCheck(merger: self).errors() {
            self.error(error.code, error.message)
        }
    }
}
