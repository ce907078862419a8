/// Field Selection Merging (GraphQL specification 5.3.2): fields with the same response name
/// in a selection set (directly, through inline fragments and through fragment spreads) can
/// be merged: the same field with the same arguments (unless their parents are different object
/// types), types that do not conflict, and sub-selections that merge too.
///
/// Follows graphql-js's algorithm and its error order, with what keeps it from blowing up:
/// field maps are computed once per selection set, compared fragment pairs are remembered,
/// a comparison of two fields found conflict-free is remembered by the fields' structure (so a
/// field repeated 1000 times, or the same sub-selection reached through many fragments, is
/// compared once), a comparison already in progress (a recursive fragment) is not entered
/// again, and comparisons stop ``maxDepth`` sub-selections deep.
public final class OverlappingFieldsCanBeMergedRule: ValidationRule {
    public let events: ValidationEvents = [.enterSelectionSet]
    /// How many nested sub-selection comparisons are followed (the parser's nesting limit is 128).
    static let maxDepth = 150

    private var comparedFragmentPairs = FragmentPairSet()
    private var fieldMaps: [Int: FieldMap] = [:]
    private var conflictFree: Set<ComparisonKey> = []
    private var inProgress: Set<ComparisonKey> = []
    private var structure = FieldStructure()
    private var depth = 0
    private var context: ValidationContext!

    public init() {}

    public func enterSelectionSet(_ node: SelectionSet, _ context: ValidationContext) -> ValidationAction {
        self.context = context
        var conflicts: [Conflict] = []
        let fieldMap = fields(context.parentType, node)
        collectConflictsWithin(&conflicts, fieldMap)
        let names = fieldMap.fragmentNames
        for i in names.indices {
            collectConflictsBetweenFieldsAndFragment(&conflicts, false, fieldMap, names[i])
            for j in (i + 1)..<names.count {
                collectConflictsBetweenFragments(&conflicts, false, names[i], names[j])
            }
        }
        for conflict in conflicts {
            context.report("Fields \"\(conflict.responseName)\" conflict because \(conflict.reason.message). "
                           + "Use different aliases on the fields to fetch both if this was intentional.",
                           nodes: conflict.fields1 + conflict.fields2)
        }
        return .proceed
    }

    // MARK: Field maps

    /// A field as collected for comparison: its parent type, node and definition.
    struct FieldEntry {
        var parentType: GraphQLNamedType?
        var node: Field
        /// The field definition's type (nil: no definition).
        var type: GraphQLType?
    }

    /// The fields of a selection set by response name (inline fragments flattened) and the
    /// fragments it spreads.
    final class FieldMap {
        var names: [String] = []
        var fields: [String: [FieldEntry]] = [:]
        var fragmentNames: [String] = []
    }

    private func fields(_ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet) -> FieldMap {
        let key = selectionSet.location?.start
        if let key, let cached = fieldMaps[key] { return cached }
        let map = FieldMap()
        var seenFragments: Set<String> = []
        collectFields(parentType, selectionSet, map, &seenFragments)
        if let key { fieldMaps[key] = map }
        return map
    }

    private func referencedFields(_ fragment: FragmentDefinition) -> FieldMap {
        if let key = fragment.selectionSet.location?.start, let cached = fieldMaps[key] { return cached }
        return fields(context.schema.namedType(fragment.typeCondition.name.value), fragment.selectionSet)
    }

    private func collectFields(_ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet, _ map: FieldMap, _ seenFragments: inout Set<String>) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var type: GraphQLType?
                if let parentType, let entry = context.index.type(parentType.name), entry.isObjectOrInterface {
                    type = entry.fields[field.name.value]?.type
                }
                let responseName = field.responseKey
                if map.fields[responseName] == nil { map.names.append(responseName) }
                map.fields[responseName, default: []].append(FieldEntry(parentType: parentType, node: field, type: type))
            case .fragmentSpread(let spread):
                if seenFragments.insert(spread.name.value).inserted { map.fragmentNames.append(spread.name.value) }
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { context.schema.namedType($0.name.value) } ?? parentType
                collectFields(type, inline.selectionSet, map, &seenFragments)
            }
        }
    }

    // MARK: Collecting conflicts

    private func collectConflictsBetweenFieldsAndFragment(_ conflicts: inout [Conflict], _ exclusive: Bool, _ fieldMap: FieldMap, _ fragmentName: String) {
        guard let fragment = context.fragment(fragmentName) else { return }
        let fieldMap2 = referencedFields(fragment)
        if fieldMap === fieldMap2 { return }
        collectConflictsBetween(&conflicts, exclusive, fieldMap, fieldMap2)
        for referenced in fieldMap2.fragmentNames {
            if comparedFragmentPairs.contains(referenced, fragmentName, exclusive) { continue }
            comparedFragmentPairs.insert(referenced, fragmentName, exclusive)
            collectConflictsBetweenFieldsAndFragment(&conflicts, exclusive, fieldMap, referenced)
        }
    }

    private func collectConflictsBetweenFragments(_ conflicts: inout [Conflict], _ exclusive: Bool, _ name1: String, _ name2: String) {
        if name1 == name2 { return }
        if comparedFragmentPairs.contains(name1, name2, exclusive) { return }
        comparedFragmentPairs.insert(name1, name2, exclusive)
        guard let fragment1 = context.fragment(name1), let fragment2 = context.fragment(name2) else { return }
        let fieldMap1 = referencedFields(fragment1)
        let fieldMap2 = referencedFields(fragment2)
        collectConflictsBetween(&conflicts, exclusive, fieldMap1, fieldMap2)
        for referenced2 in fieldMap2.fragmentNames {
            collectConflictsBetweenFragments(&conflicts, exclusive, name1, referenced2)
        }
        for referenced1 in fieldMap1.fragmentNames {
            collectConflictsBetweenFragments(&conflicts, exclusive, referenced1, name2)
        }
    }

    private func findConflictsBetweenSubSelectionSets(_ exclusive: Bool, _ parentType1: GraphQLNamedType?, _ selectionSet1: SelectionSet,
                                                      _ parentType2: GraphQLNamedType?, _ selectionSet2: SelectionSet) -> [Conflict] {
        var conflicts: [Conflict] = []
        let fieldMap1 = fields(parentType1, selectionSet1)
        let fieldMap2 = fields(parentType2, selectionSet2)
        collectConflictsBetween(&conflicts, exclusive, fieldMap1, fieldMap2)
        for name2 in fieldMap2.fragmentNames {
            collectConflictsBetweenFieldsAndFragment(&conflicts, exclusive, fieldMap1, name2)
        }
        for name1 in fieldMap1.fragmentNames {
            collectConflictsBetweenFieldsAndFragment(&conflicts, exclusive, fieldMap2, name1)
        }
        for name1 in fieldMap1.fragmentNames {
            for name2 in fieldMap2.fragmentNames {
                collectConflictsBetweenFragments(&conflicts, exclusive, name1, name2)
            }
        }
        return conflicts
    }

    private func collectConflictsWithin(_ conflicts: inout [Conflict], _ fieldMap: FieldMap) {
        for responseName in fieldMap.names {
            let fields = fieldMap.fields[responseName]!
            guard fields.count > 1 else { continue }
            if fields.count > 8 && allConflictFree(responseName, fields) { continue }
            for i in fields.indices {
                for j in (i + 1)..<fields.count {
                    if let conflict = findConflict(false, responseName, fields[i], fields[j]) { conflicts.append(conflict) }
                }
            }
        }
    }

    /// Whether no two of many fields conflict, by comparing one field of each structure with
    /// one of every other (and one with a second of its own): identical fields compare alike.
    private func allConflictFree(_ responseName: String, _ fields: [FieldEntry]) -> Bool {
        var positions: [StructureClass: Int] = [:]
        var classes: [[Int]] = []
        for (index, field) in fields.enumerated() {
            guard let id = structure.id(of: field.node) else { return false }
            let key = StructureClass(field: id, parentType: field.parentType?.name)
            if let position = positions[key] {
                if classes[position].count < 2 { classes[position].append(index) }
            } else {
                positions[key] = classes.count
                classes.append([index])
            }
        }
        for a in classes.indices {
            if classes[a].count > 1, findConflict(false, responseName, fields[classes[a][0]], fields[classes[a][1]]) != nil { return false }
            for b in (a + 1)..<classes.count {
                if findConflict(false, responseName, fields[classes[a][0]], fields[classes[b][0]]) != nil { return false }
            }
        }
        return true
    }

    private func collectConflictsBetween(_ conflicts: inout [Conflict], _ exclusive: Bool, _ fieldMap1: FieldMap, _ fieldMap2: FieldMap) {
        for responseName in fieldMap1.names {
            guard let fields2 = fieldMap2.fields[responseName] else { continue }
            for field1 in fieldMap1.fields[responseName]! {
                for field2 in fields2 {
                    if let conflict = findConflict(exclusive, responseName, field1, field2) { conflicts.append(conflict) }
                }
            }
        }
    }

    // MARK: Comparing two fields

    private func findConflict(_ parentsExclusive: Bool, _ responseName: String, _ field1: FieldEntry, _ field2: FieldEntry) -> Conflict? {
        let key = structure.id(of: field1.node).flatMap { id1 in
            structure.id(of: field2.node).map { id2 in
                ComparisonKey(field1: id1, field2: id2, parentType1: field1.parentType?.name, parentType2: field2.parentType?.name,
                              exclusive: parentsExclusive)
            }
        }
        if let key {
            if conflictFree.contains(key) { return nil }
            if !inProgress.insert(key).inserted { return nil }
        }
        let conflict = compare(parentsExclusive, responseName, field1, field2)
        if let key {
            inProgress.remove(key)
            if conflict == nil { conflictFree.insert(key) }
        }
        return conflict
    }

    private func compare(_ parentsExclusive: Bool, _ responseName: String, _ field1: FieldEntry, _ field2: FieldEntry) -> Conflict? {
        var exclusive = parentsExclusive
        if !exclusive, let parent1 = field1.parentType, let parent2 = field2.parentType, parent1.name != parent2.name,
           case .object = parent1, case .object = parent2 {
            exclusive = true
        }
        let node1 = field1.node
        let node2 = field2.node
        if !exclusive {
            if node1.name.value != node2.name.value {
                return Conflict(responseName: responseName, reason: .message("\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"),
                                fields1: [node1.location], fields2: [node2.location])
            }
            if structure.argumentsKey(node1) != structure.argumentsKey(node2) {
                return Conflict(responseName: responseName, reason: .message("they have differing arguments"),
                                fields1: [node1.location], fields2: [node2.location])
            }
        }
        let type1 = field1.type
        let type2 = field2.type
        if let type1, let type2, doTypesConflict(type1, type2) {
            return Conflict(responseName: responseName, reason: .message("they return conflicting types \"\(type1)\" and \"\(type2)\""),
                            fields1: [node1.location], fields2: [node2.location])
        }
        guard let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet, depth < Self.maxDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        let schema = context.schema
        let subConflicts = findConflictsBetweenSubSelectionSets(exclusive, type1.flatMap { schema.namedType($0) }, selectionSet1,
                                                                type2.flatMap { schema.namedType($0) }, selectionSet2)
        guard !subConflicts.isEmpty else { return nil }
        return Conflict(responseName: responseName, reason: .subfields(subConflicts.map { ($0.responseName, $0.reason) }),
                        fields1: [node1.location] + subConflicts.flatMap(\.fields1),
                        fields2: [node2.location] + subConflicts.flatMap(\.fields2))
    }

    private func doTypesConflict(_ type1: GraphQLType, _ type2: GraphQLType) -> Bool {
        switch (type1, type2) {
        case (.list(let inner1), .list(let inner2)): return doTypesConflict(inner1, inner2)
        case (.list, _), (_, .list): return true
        case (.nonNull(let inner1), .nonNull(let inner2)): return doTypesConflict(inner1, inner2)
        case (.nonNull, _), (_, .nonNull): return true
        case (.named(let name1), .named(let name2)):
            let schema = context.schema
            if schema.namedType(name1)?.isLeafType == true || schema.namedType(name2)?.isLeafType == true { return name1 != name2 }
            return false
        }
    }
}
