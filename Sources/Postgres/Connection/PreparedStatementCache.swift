/// A statement's identity for the cache: the same SQL with different parameter types is a different
/// prepared statement.
struct StatementKey: Hashable {
    let sql: String
    let types: [UInt32]
}

/// Names of the statements prepared on one connection (`s1`, `s2`, …). Bounded: once full, further
/// statements run unnamed (parsed on every execution) rather than growing server memory without end.
struct PreparedStatementCache {
    let capacity: Int
    private var names: [StatementKey: String] = [:]
    private var counter = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    var count: Int { names.count }

    func name(for key: StatementKey) -> String? {
        names[key]
    }

    /// Reserves a name for `key`, or `nil` when the cache is full.
    mutating func add(_ key: StatementKey) -> String? {
        guard names.count < capacity else { return nil }
        counter += 1
        let name = "s\(counter)"
        names[key] = name
        return name
    }

    /// Forgets `key` (its Parse failed, or the server invalidated it).
    mutating func remove(_ key: StatementKey) {
        names.removeValue(forKey: key)
    }
}
