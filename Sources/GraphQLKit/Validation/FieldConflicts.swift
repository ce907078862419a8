// What OverlappingFieldsCanBeMergedRule records and remembers: conflicts and their reasons,
// comparison keys, compared fragment pairs.

/// Why two fields conflict: a sentence, or conflicts of their sub-fields.
indirect enum ConflictReason {
    case message(String)
    case subfields([(String, ConflictReason)])

    var message: String {
        switch self {
        case .message(let text): return text
        case .subfields(let reasons):
            return reasons.map { "subfields \"\($0.0)\" conflict because " + $0.1.message }.joined(separator: " and ")
        }
    }
}

/// Two fields (or groups of fields) that cannot be merged.
struct Conflict {
    var responseName: String
    var reason: ConflictReason
    var fields1: [Location?]
    var fields2: [Location?]
}

/// A comparison of two fields identified by structure and parent type.
struct ComparisonKey: Hashable {
    var field1: Int
    var field2: Int
    var parentType1: String?
    var parentType2: String?
    var exclusive: Bool
}

/// Fields with the same structure and parent type.
struct StructureClass: Hashable {
    var field: Int
    var parentType: String?
}

/// Pairs of fragment names already compared, and whether the comparison was for mutually
/// exclusive parents (graphql-js `PairSet`).
struct FragmentPairSet {
    private var pairs: [String: [String: Bool]] = [:]

    func contains(_ a: String, _ b: String, _ exclusive: Bool) -> Bool {
        let (first, second) = a < b ? (a, b) : (b, a)
        guard let stored = pairs[first]?[second] else { return false }
        return exclusive ? true : stored == exclusive
    }

    mutating func insert(_ a: String, _ b: String, _ exclusive: Bool) {
        let (first, second) = a < b ? (a, b) : (b, a)
        pairs[first, default: [:]][second] = exclusive
    }
}
