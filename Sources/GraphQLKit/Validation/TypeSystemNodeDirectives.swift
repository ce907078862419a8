/// A type-system node met while validating: its directives (what directive rules look at) and,
/// for a top-level definition or extension, the definition itself (what the SDL rules look at).
public struct TypeSystemNodeDirectives: Sendable {
    /// The top-level definition or extension this node is (nil for fields, arguments, enum values).
    public var definition: Definition?
    /// The type the node defines or extends; nil for schema definitions and extensions and for
    /// nodes inside a type (fields, arguments, enum values).
    public var typeName: String?
    /// Whether this is a schema definition or extension.
    public var isSchema: Bool
    public var directives: [Directive]
}
