/// A value literal: in arguments, default values and directive arguments.
///
/// Numbers keep their source text (`IntValue.value == "007"` cannot happen, `"1e3"` can), so
/// nothing is lost before coercion decides what they mean.
public enum Value: Sendable, Hashable {
    case variable(Variable)
    case int(IntValue)
    case float(FloatValue)
    case string(StringValue)
    case boolean(BooleanValue)
    case null(NullValue)
    case enumValue(EnumValue)
    case list(ListValue)
    case object(ObjectValue)

    public var location: Location? {
        switch self {
        case .variable(let node): return node.location
        case .int(let node): return node.location
        case .float(let node): return node.location
        case .string(let node): return node.location
        case .boolean(let node): return node.location
        case .null(let node): return node.location
        case .enumValue(let node): return node.location
        case .list(let node): return node.location
        case .object(let node): return node.location
        }
    }
}

/// An integer literal, as written (`-12`).
public struct IntValue: Sendable, Hashable {
    public var value: String
    public var location: Location?

    public init(_ value: String, location: Location? = nil) {
        self.value = value
        self.location = location
    }
}

/// A float literal, as written (`1.5e-3`).
public struct FloatValue: Sendable, Hashable {
    public var value: String
    public var location: Location?

    public init(_ value: String, location: Location? = nil) {
        self.value = value
        self.location = location
    }
}

/// A string literal's value (escapes resolved, block strings dedented), and whether it was
/// written as a `"""` block string.
public struct StringValue: Sendable, Hashable {
    public var value: String
    public var block: Bool
    public var location: Location?

    public init(_ value: String, block: Bool = false, location: Location? = nil) {
        self.value = value
        self.block = block
        self.location = location
    }
}

/// `true` or `false`.
public struct BooleanValue: Sendable, Hashable {
    public var value: Bool
    public var location: Location?

    public init(_ value: Bool, location: Location? = nil) {
        self.value = value
        self.location = location
    }
}

/// `null`.
public struct NullValue: Sendable, Hashable {
    public var location: Location?

    public init(location: Location? = nil) {
        self.location = location
    }
}

/// An enum value: a name other than `true`, `false` and `null`.
public struct EnumValue: Sendable, Hashable {
    public var value: String
    public var location: Location?

    public init(_ value: String, location: Location? = nil) {
        self.value = value
        self.location = location
    }
}

/// `[value, …]`.
public struct ListValue: Sendable, Hashable {
    public var values: [Value]
    public var location: Location?

    public init(values: [Value], location: Location? = nil) {
        self.values = values
        self.location = location
    }
}

/// `{name: value, …}`.
public struct ObjectValue: Sendable, Hashable {
    public var fields: [ObjectField]
    public var location: Location?

    public init(fields: [ObjectField], location: Location? = nil) {
        self.fields = fields
        self.location = location
    }
}

/// `name: value` in an object literal.
public struct ObjectField: Sendable, Hashable {
    public var name: Name
    public var value: Value
    public var location: Location?

    public init(name: Name, value: Value, location: Location? = nil) {
        self.name = name
        self.value = value
        self.location = location
    }
}
