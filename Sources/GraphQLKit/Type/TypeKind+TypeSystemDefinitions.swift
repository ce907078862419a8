// The kind of a type as its SDL definition or extension declares it, shared by the schema
// builder and the SDL validation rules (both check that an extension matches its type's kind).

extension TypeKind {
    /// The kind a type definition declares (`type` → ``object``, `input` → ``inputObject``, …).
    init(_ definition: TypeDefinition) {
        switch definition {
        case .scalar: self = .scalar
        case .object: self = .object
        case .interface: self = .interface
        case .union: self = .union
        case .enum: self = .enum
        case .inputObject: self = .inputObject
        }
    }

    /// The kind a type extension extends (`extend type` → ``object``, …).
    init(_ typeExtension: TypeExtension) {
        switch typeExtension {
        case .scalar: self = .scalar
        case .object: self = .object
        case .interface: self = .interface
        case .union: self = .union
        case .enum: self = .enum
        case .inputObject: self = .inputObject
        }
    }

    /// The kind as error messages name it: "object", "input object", ….
    var word: String {
        switch self {
        case .scalar: return "scalar"
        case .object: return "object"
        case .interface: return "interface"
        case .union: return "union"
        case .enum: return "enum"
        case .inputObject: return "input object"
        case .list, .nonNull: return "wrapping"
        }
    }
}
