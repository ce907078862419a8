/// Opt-in limits for a public endpoint, each checked by its own validation rule with a clear
/// message: how deep an operation nests, how many aliases and root fields it has, how many
/// directives a field carries, and what it costs. A limit left nil is not checked.
///
/// Counts follow fragments as execution would (a fragment spread three times counts three
/// times), computed once per fragment, so a document that fans out through fragments is
/// measured — and rejected — without being expanded; counts saturate instead of overflowing.
///
/// ```swift
/// let limits = ValidationLimits(maxDepth: 10, maxAliases: 30, maxRootFields: 20, maxDirectivesPerField: 4, maxCost: 5000)
/// let options = ExecutionOptions(validator: .rules(specifiedRules + limits.rules))
/// ```
public struct ValidationLimits: Sendable {
    /// The deepest nesting of fields (`{ a { b } }` is 2 deep).
    public var maxDepth: Int?
    /// The most aliases, counted through fragments.
    public var maxAliases: Int?
    /// The most fields in the root selection set, counted through fragments.
    public var maxRootFields: Int?
    /// The most directives on one field.
    public var maxDirectivesPerField: Int?
    /// The highest cost (see ``CostModel``).
    public var maxCost: Int?
    /// How costs are computed.
    public var costModel: CostModel

    public init(maxDepth: Int? = nil, maxAliases: Int? = nil, maxRootFields: Int? = nil, maxDirectivesPerField: Int? = nil,
                maxCost: Int? = nil, costModel: CostModel = CostModel()) {
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxDirectivesPerField = maxDirectivesPerField
        self.maxCost = maxCost
        self.costModel = costModel
    }

    /// The rules for the limits that are set (add them to ``specifiedRules``).
    public var rules: [ValidationRuleFactory] {
        var rules: [ValidationRuleFactory] = []
        if let maxDepth { rules.append(ValidationRuleFactory(name: "MaxDepth") { _ in MaxDepthRule(maximum: maxDepth) }) }
        if let maxAliases { rules.append(ValidationRuleFactory(name: "MaxAliases") { _ in MaxAliasesRule(maximum: maxAliases) }) }
        if let maxRootFields { rules.append(ValidationRuleFactory(name: "MaxRootFields") { _ in MaxRootFieldsRule(maximum: maxRootFields) }) }
        if let maxDirectivesPerField {
            rules.append(ValidationRuleFactory(name: "MaxDirectivesPerField") { _ in MaxDirectivesPerFieldRule(maximum: maxDirectivesPerField) })
        }
        if let maxCost {
            let model = costModel
            rules.append(ValidationRuleFactory(name: "MaxCost") { _ in MaxCostRule(maximum: maxCost, model: model) })
        }
        return rules
    }
}

extension DocumentValidator {
    /// The specified rules plus the rules of `limits`.
    public static func specified(limits: ValidationLimits, maxErrors: Int = 100) -> DocumentValidator {
        rules(specifiedRules + limits.rules, maxErrors: maxErrors)
    }
}

/// Saturating arithmetic for counts that grow through fragments.
enum SaturatingCount {
    static let ceiling = Int.max / 4

    static func add(_ a: Int, _ b: Int) -> Int { min(ceiling, a &+ b) }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        if a == 0 || b == 0 { return 0 }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ceiling : min(ceiling, product)
    }

    /// `n` as a message shows it ("more than 2305843009213693951" when saturated).
    static func describe(_ n: Int) -> String { n >= ceiling ? "more than \(ceiling)" : String(n) }
}

extension OperationDefinition {
    /// `operation "Name"` or `anonymous operation`, for limit messages.
    var limitDescription: String {
        name.map { "Operation \"\($0.value)\"" } ?? "The anonymous operation"
    }
}
