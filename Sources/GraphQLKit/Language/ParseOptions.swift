/// Options for ``Parser``. The defaults parse exactly what graphql-js 16 parses, except that
/// nesting deeper than ``maxDepth`` is a syntax error instead of a stack overflow.
///
/// ```swift
/// var options = ParseOptions()
/// options.maxTokens = 10_000      // cut hostile documents off early
/// let document = try Parser.parse(untrustedText, options: options)
/// ```
public struct ParseOptions: Sendable, Hashable {
    /// Don't record node locations (graphql-js `noLocation`): saves memory and a little time.
    public var noLocation: Bool
    /// Abort with a syntax error once the document has more than this many tokens
    /// (graphql-js `maxTokens`, same message). Nil means no limit, as in graphql-js.
    public var maxTokens: Int?
    /// The deepest nesting of selection sets, list values, object values and list types
    /// accepted. graphql-js has no such limit and fails with a `RangeError` (stack overflow)
    /// somewhere past a few thousand levels; GraphQLKit reports a syntax error instead, so
    /// parsing is safe on small stacks (a 512 KiB thread or task stack).
    public var maxDepth: Int
    /// Accept `fragment Name($var: Type) on …` (graphql-js `allowLegacyFragmentVariables`).
    public var allowLegacyFragmentVariables: Bool
    /// Accept descriptions on operations, fragments and variable definitions, as the
    /// September 2025 specification does. Off by default because graphql-js 16 rejects them
    /// ("Unexpected description, descriptions are supported only on type definitions.").
    public var allowExecutableDescriptions: Bool

    /// The default for ``maxDepth``.
    public static let defaultMaxDepth = 128

    public init(noLocation: Bool = false, maxTokens: Int? = nil, maxDepth: Int = ParseOptions.defaultMaxDepth,
                allowLegacyFragmentVariables: Bool = false, allowExecutableDescriptions: Bool = false) {
        self.noLocation = noLocation
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.allowLegacyFragmentVariables = allowLegacyFragmentVariables
        self.allowExecutableDescriptions = allowExecutableDescriptions
    }
}
