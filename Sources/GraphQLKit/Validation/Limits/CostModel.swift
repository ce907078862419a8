/// How an operation's cost is computed, in the spirit of the `@cost` and `@listSize`
/// directives (IBM's GraphQL cost specification):
///
/// - A field costs its weight: `@cost(weight: N)` on its definition, else ``weights``
///   (`"Type.field"`), else ``defaultCompositeWeight`` for fields of object, interface or union
///   type and ``defaultLeafWeight`` for scalars and enums.
/// - A field costs its weight plus its selection's cost; a field returning a list multiplies
///   its selection's cost by the list's expected size:
///   the value of a slicing argument given as an integer literal (or a variable's default)
///   — `@listSize(slicingArguments: ["first", "last"])`, or ``slicingArguments`` when the field
///   has no `@listSize` — else `@listSize(assumedSize: N)`, else ``defaultListSize``.
/// - Fragments and inline fragments add their fields' costs (an upper bound for abstract types).
public struct CostModel: Sendable {
    public var defaultCompositeWeight: Int
    public var defaultLeafWeight: Int
    public var defaultListSize: Int
    /// Arguments that bound a list's size when the field has no `@listSize`.
    public var slicingArguments: [String]
    /// Weights by `"Type.field"`, for fields without `@cost`.
    public var weights: [String: Int]

    public init(defaultCompositeWeight: Int = 1, defaultLeafWeight: Int = 0, defaultListSize: Int = 10,
                slicingArguments: [String] = ["first", "last", "limit"], weights: [String: Int] = [:]) {
        self.defaultCompositeWeight = defaultCompositeWeight
        self.defaultLeafWeight = defaultLeafWeight
        self.defaultListSize = defaultListSize
        self.slicingArguments = slicingArguments
        self.weights = weights
    }
}
