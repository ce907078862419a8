/// A transaction's isolation level (PostgreSQL has no real READ UNCOMMITTED).
public enum IsolationLevel: String, Sendable, Hashable, CaseIterable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}
