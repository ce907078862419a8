extension Directive {
    /// The value of argument `name` as written, if given.
    public func argument(_ name: String) -> Value? {
        arguments.first { $0.name.value == name }?.value
    }

    /// The string value of argument `name` (nil when absent or not a string literal).
    public func stringArgument(_ name: String) -> String? {
        if case .string(let string)? = argument(name) { return string.value }
        return nil
    }

    /// The boolean value of argument `name` (nil when absent or not a boolean literal).
    public func booleanArgument(_ name: String) -> Bool? {
        if case .boolean(let flag)? = argument(name) { return flag.value }
        return nil
    }
}

extension Array where Element == Directive {
    /// The directives named `name`, in order.
    public func named(_ name: String) -> [Directive] {
        filter { $0.name.value == name }
    }

    /// Whether a directive named `name` is present.
    public func contains(named name: String) -> Bool {
        contains { $0.name.value == name }
    }
}
