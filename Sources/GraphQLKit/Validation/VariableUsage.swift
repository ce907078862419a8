/// A variable used as a value: where, and what the position expects.
public struct VariableUsage: Sendable {
    public var node: Variable
    /// The input type of the position (nil when unknown).
    public var type: GraphQLType?
    /// The default value of the argument or input field it is given to, if any.
    public var defaultValue: JSONValue?
}

/// An operation or fragment whose variable usages are collected.
enum VariableUsageScope {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)

    var key: Int? {
        switch self {
        case .operation(let node): return node.location?.start
        case .fragment(let node): return node.location?.start
        }
    }
}
