/// The hooks a ``ValidationRule`` implements.
public struct ValidationEvents: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let enterDocument = ValidationEvents(rawValue: 1 << 0)
    public static let leaveDocument = ValidationEvents(rawValue: 1 << 1)
    public static let enterOperation = ValidationEvents(rawValue: 1 << 2)
    public static let leaveOperation = ValidationEvents(rawValue: 1 << 3)
    public static let enterVariableDefinition = ValidationEvents(rawValue: 1 << 4)
    public static let enterSelectionSet = ValidationEvents(rawValue: 1 << 5)
    public static let enterField = ValidationEvents(rawValue: 1 << 6)
    public static let leaveField = ValidationEvents(rawValue: 1 << 7)
    public static let enterArgument = ValidationEvents(rawValue: 1 << 8)
    public static let enterFragmentSpread = ValidationEvents(rawValue: 1 << 9)
    public static let enterInlineFragment = ValidationEvents(rawValue: 1 << 10)
    public static let enterFragmentDefinition = ValidationEvents(rawValue: 1 << 11)
    public static let enterDirective = ValidationEvents(rawValue: 1 << 12)
    public static let leaveDirective = ValidationEvents(rawValue: 1 << 13)
    public static let enterNamedType = ValidationEvents(rawValue: 1 << 14)
    public static let enterListValue = ValidationEvents(rawValue: 1 << 15)
    public static let enterObjectValue = ValidationEvents(rawValue: 1 << 16)
    public static let leaveObjectValue = ValidationEvents(rawValue: 1 << 17)
    public static let enterObjectField = ValidationEvents(rawValue: 1 << 18)
    public static let enterLeafValue = ValidationEvents(rawValue: 1 << 19)
    public static let enterNullValue = ValidationEvents(rawValue: 1 << 20)
    public static let enterTypeSystemNode = ValidationEvents(rawValue: 1 << 21)

    static let count = 22
}
