/// Makes a fresh rule instance for one validation (rules keep per-document state).
public struct ValidationRuleFactory: Sendable {
    /// The rule's name (graphql-js's, without the `Rule` suffix).
    public let name: String
    public let make: @Sendable (ValidationContext) -> any ValidationRule

    public init(name: String, make: @escaping @Sendable (ValidationContext) -> any ValidationRule) {
        self.name = name
        self.make = make
    }
}
