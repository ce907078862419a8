import GraphQLKit

extension Merger {
    static func kindName(_ kind: TypeKind) -> String {
        switch kind {
        case .object: return "Object Type"
        case .interface: return "Interface Type"
        case .union: return "Union Type"
        case .enum: return "Enum Type"
        case .inputObject: return "Input Object Type"
        case .scalar: return "Scalar Type"
        default: return kind.rawValue
        }
    }

    /// TYPE_KIND_MISMATCH: every subgraph must define a type with the same kind (an
    /// `@interfaceObject` counts as the interface it stands for).
    mutating func checkKind(_ type: MergedType) {
        guard let first = type.appearances.first else { return }
        let firstKind = first.isInterfaceObject ? TypeKind.interface : first.kind
        for appearance in type.appearances.dropFirst() {
            let kind = appearance.isInterfaceObject ? TypeKind.interface : appearance.kind
            if kind != firstKind {
                error("TYPE_KIND_MISMATCH", "Type \"\(type.name)\" has mismatched kind: it is defined as \(Self.kindName(firstKind)) in \(subgraphList([first.graph])) but \(Self.kindName(kind)) in \(subgraphList([appearance.graph]))")
                type.isBroken = true
                return
            }
        }
    }

    /// Merges output types: the same lists everywhere, and a named type that all the others are
    /// (an implementation of the interface, a member of the union, or the type itself); non-null
    /// only where every subgraph says non-null. Nil when no such type exists.
    func mergeOutputTypes(_ candidates: [GraphQLType]) -> GraphQLType? {
        guard !candidates.isEmpty else { return nil }
        let names = candidates.map(\.namedTypeName)
        guard let common = names.first(where: { candidate in names.allSatisfy { isSubtype($0, of: candidate) } }) else { return nil }
        let unified = candidates.map { $0.replacingNamedType(with: common) }
        guard unified.allSatisfy({ $0.shape == unified[0].shape }) else { return nil }
        return Self.mergeNullability(unified, input: false)
    }

    /// Whether values of `name` are values of `supertype` (same type, implementation, union member).
    func isSubtype(_ name: String, of supertype: String) -> Bool {
        if name == supertype { return true }
        guard let parent = types[supertype] else { return false }
        if parent.memberOrder.contains(name) { return true }
        return types[name]?.interfaces.contains(supertype) ?? false
    }

    /// Merges input types: same shape; non-null where any subgraph says non-null.
    static func mergeInputTypes(_ types: [GraphQLType]) -> GraphQLType? {
        guard let first = types.first else { return nil }
        guard types.allSatisfy({ $0.shape == first.shape }) else { return nil }
        return mergeNullability(types, input: true)
    }

    static func mergeNullability(_ types: [GraphQLType], input: Bool) -> GraphQLType {
        let nonNull = input ? types.contains(where: \.isNonNull) : types.allSatisfy(\.isNonNull)
        let inner = types.map(\.nullable)
        let merged: GraphQLType
        switch inner[0] {
        case .list:
            let elements = inner.compactMap { type -> GraphQLType? in
                if case .list(let element) = type { return element }
                return nil
            }
            merged = .list(mergeNullability(elements, input: input))
        default:
            merged = inner[0]
        }
        return nonNull ? .nonNull(merged) : merged
    }

    /// Merges the fields of an object or interface: types (FIELD_TYPE_MISMATCH,
    /// EXTERNAL_TYPE_MISMATCH) and arguments (intersection; FIELD_ARGUMENT_TYPE_MISMATCH,
    /// REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH, FIELD_ARGUMENT_DEFAULT_MISMATCH).
    mutating func mergeOutputFields(_ type: MergedType) {
        for field in type.fields.values {
            let resolving = field.appearances.filter { !$0.external }
            let basis = resolving.isEmpty ? field.appearances : resolving
            guard let merged = mergeOutputTypes(basis.map(\.type)) else {
                let first = basis[0]
                let other = basis.first { $0.type.shape != first.type.shape }!
                error("FIELD_TYPE_MISMATCH", "Type of field \"\(type.name).\(field.name)\" is incompatible across subgraphs: it has type \"\(first.type)\" in \(subgraphList([first.graph])) but type \"\(other.type)\" in \(subgraphList([other.graph]))")
                continue
            }
            field.type = merged
            for external in field.appearances where external.external
                && (external.type.replacingNamedType(with: merged.namedTypeName).shape != merged.shape
                    || !isSubtype(external.type.namedTypeName, of: merged.namedTypeName)) {
                error("EXTERNAL_TYPE_MISMATCH", "Type of field \"\(type.name).\(field.name)\" is incompatible across subgraphs (where marked @external): it has type \"\(merged)\" in \(subgraphList(basis.map(\.graph))) but type \"\(external.type)\" in \(subgraphList([external.graph]))")
            }
            let fieldGraphs = Set(basis.map(\.graph))
            for argument in field.arguments.values {
                let coordinate = "\(type.name).\(field.name)(\(argument.name):)"
                let present = argument.appearances.filter { fieldGraphs.contains($0.graph) }
                let presentGraphs = Set(present.map(\.graph))
                let missing = basis.map(\.graph).filter { !presentGraphs.contains($0) }
                if !missing.isEmpty || present.isEmpty {
                    if let required = present.first(where: { $0.type.isNonNull && $0.defaultValue == nil }) {
                        error("REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", "Argument \"\(coordinate)\" is required in some subgraphs but does not appear in all subgraphs: it is required in \(subgraphList([required.graph])) but does not appear in \(subgraphList(missing))")
                    }
                    field.arguments.remove(argument.name)
                    continue
                }
                guard let mergedType = Self.mergeInputTypes(present.map(\.type)) else {
                    let first = present[0]
                    let other = present.first { $0.type.shape != first.type.shape }!
                    error("FIELD_ARGUMENT_TYPE_MISMATCH", "Type of argument \"\(coordinate)\" is incompatible across subgraphs: it has type \"\(first.type)\" in \(subgraphList([first.graph])) but type \"\(other.type)\" in \(subgraphList([other.graph]))")
                    continue
                }
                argument.type = mergedType
                argument.defaultValue = mergeDefaults(present.map { ($0.graph, $0.defaultValue) }, code: "FIELD_ARGUMENT_DEFAULT_MISMATCH", what: "Argument \"\(coordinate)\"")
            }
        }
    }

    /// The default value all subgraphs agree on (reported when two differ).
    mutating func mergeDefaults(_ defaults: [(graph: Int, value: Value?)], code: String, what: String) -> Value? {
        let given = defaults.filter { $0.value != nil }
        guard let first = given.first else { return nil }
        for other in given.dropFirst() where other.value != first.value {
            error(code, "\(what) has incompatible default values across subgraphs: it has default value \(Printer.print(first.value!)) in \(subgraphList([first.graph])) and \(Printer.print(other.value!)) in \(subgraphList([other.graph]))")
            break
        }
        if given.count != defaults.count {
            let without = defaults.filter { $0.value == nil }.map(\.graph)
            error(code, "\(what) has a default value in only some subgraphs: it has default value \(Printer.print(first.value!)) in \(subgraphList([first.graph])) but no default value in \(subgraphList(without))")
        }
        return first.value
    }

    /// Input objects keep the fields every subgraph defines (REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH,
    /// EMPTY_MERGED_INPUT_TYPE); types merge to the strictest (FIELD_TYPE_MISMATCH).
    mutating func mergeInputFields(_ type: MergedType) {
        let typeGraphs = type.graphs
        for field in type.fields.values {
            let present = Set(field.appearances.map(\.graph))
            let missing = typeGraphs.filter { !present.contains($0) }
            if !missing.isEmpty {
                if let required = field.appearances.first(where: { $0.type.isNonNull && $0.defaultValue == nil }) {
                    error("REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", "Input object field \"\(type.name).\(field.name)\" is required in some subgraphs but does not appear in all subgraphs: it is required in \(subgraphList([required.graph])) but does not appear in \(subgraphList(missing))")
                }
                type.fields.remove(field.name)
                continue
            }
            guard let merged = Self.mergeInputTypes(field.appearances.map(\.type)) else {
                let first = field.appearances[0]
                let other = field.appearances.first { $0.type.shape != first.type.shape }!
                error("FIELD_TYPE_MISMATCH", "Type of field \"\(type.name).\(field.name)\" is incompatible across subgraphs: it has type \"\(first.type)\" in \(subgraphList([first.graph])) but type \"\(other.type)\" in \(subgraphList([other.graph]))")
                continue
            }
            field.type = merged
            field.defaultValue = mergeDefaults(field.appearances.map { ($0.graph, $0.defaultValue) }, code: "INPUT_FIELD_DEFAULT_MISMATCH", what: "Input field \"\(type.name).\(field.name)\"")
        }
        if type.fields.isEmpty {
            error("EMPTY_MERGED_INPUT_TYPE", "None of the fields of input object type \"\(type.name)\" are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type.")
        }
    }

    /// Enums by usage: input-only enums keep the values every subgraph defines, output-only
    /// enums all values, enums used both ways must agree everywhere (ENUM_VALUE_MISMATCH,
    /// EMPTY_MERGED_ENUM_TYPE).
    mutating func mergeEnums() {
        var inputUse: [String: String] = [:]
        var outputUse: [String: String] = [:]
        for name in typeOrder {
            guard let type = types[name] else { continue }
            for field in type.fields.values {
                for appearance in field.appearances {
                    let named = appearance.type.namedTypeName
                    if type.kind == .inputObject {
                        if inputUse[named] == nil { inputUse[named] = "\(type.name).\(field.name)" }
                    } else if outputUse[named] == nil {
                        outputUse[named] = "\(type.name).\(field.name)"
                    }
                }
                for argument in field.arguments.values {
                    for appearance in argument.appearances where inputUse[appearance.type.namedTypeName] == nil {
                        inputUse[appearance.type.namedTypeName] = "\(type.name).\(field.name)(\(argument.name):)"
                    }
                }
            }
        }
        for name in typeOrder {
            guard let type = types[name], !type.isBroken, type.kind == .enum else { continue }
            let typeGraphs = type.graphs
            let asInput = inputUse[name]
            let asOutput = outputUse[name]
            for value in type.enumValues.values where value.graphs.count != typeGraphs.count {
                let missing = typeGraphs.filter { !value.graphs.contains($0) }
                if let asInput, let asOutput {
                    error("ENUM_VALUE_MISMATCH", "Enum type \"\(name)\" is used as both input type (for example, as type of \"\(asInput)\") and output type (for example, as type of \"\(asOutput)\"), but value \"\(value.name)\" is not defined in all the subgraphs defining \"\(name)\": \"\(value.name)\" is defined in \(subgraphList(value.graphs)) but not in \(subgraphList(missing))")
                } else if asInput != nil {
                    type.enumValues.remove(value.name)
                }
            }
            if type.enumValues.isEmpty {
                error("EMPTY_MERGED_ENUM_TYPE", "None of the values of enum type \"\(name)\" are defined consistently in all the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an empty type.")
            }
        }
    }

    /// Fields an `@interfaceObject` subgraph adds to an interface are added to the
    /// implementations that no subgraph gives them to.
    mutating func applyInterfaceObjects() {
        for name in typeOrder {
            guard let interface = types[name], !interface.isBroken, interface.kind == .interface,
                  interface.appearances.contains(where: \.isInterfaceObject) else { continue }
            for implementation in implementations(of: name) {
                for field in interface.fields.values where implementation.fields[field.name] == nil {
                    let added = implementation.fields.element(field.name) { MergedField(name: field.name) }
                    added.addedForInterfaceObject = true
                    added.type = field.type
                    added.description = field.description
                    added.markers = field.markers
                    for argument in field.arguments.values {
                        let copy = added.arguments.element(argument.name) { MergedArgument(name: argument.name) }
                        copy.type = argument.type
                        copy.defaultValue = argument.defaultValue
                        copy.description = argument.description
                        copy.markers = argument.markers
                    }
                }
            }
        }
    }

    /// The merged object (and interface) types that implement `interfaceName`.
    func implementations(of interfaceName: String) -> [MergedType] {
        typeOrder.compactMap { types[$0] }.filter { !$0.isBroken && $0.name != interfaceName && $0.interfaces.contains(interfaceName) }
    }
}
