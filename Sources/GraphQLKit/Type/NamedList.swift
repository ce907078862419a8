/// A definition that has a name (a field, argument, enum value, type).
public protocol NamedDefinition: Sendable {
    var name: String { get }
}

/// An ordered list of definitions with lookup by name: fields of a type, values of an enum.
/// Keeps definition order (what printing and introspection show) and finds an entry by name
/// in constant time.
///
/// ```swift
/// let fields = objectType.fields
/// fields["id"]?.type       // .nonNull(.named("ID"))
/// fields.map(\.name)       // in SDL order
/// ```
///
/// When two entries share a name the later one wins, in the earlier one's position (the way
/// a JavaScript object keeps the first position of a key it assigns twice).
public struct NamedList<Element: NamedDefinition>: Sendable, RandomAccessCollection {
    public private(set) var elements: [Element]
    private var positions: [String: Int]

    public init(_ elements: some Sequence<Element>) {
        self.elements = []
        self.positions = [:]
        for element in elements { set(element) }
    }

    public init() {
        self.elements = []
        self.positions = [:]
    }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Element { elements[position] }

    /// The entry named `name`, or nil.
    public subscript(name: String) -> Element? {
        positions[name].map { elements[$0] }
    }

    /// The position of the entry named `name`.
    public func position(of name: String) -> Int? { positions[name] }

    public func contains(name: String) -> Bool { positions[name] != nil }

    /// The names in order.
    public var names: [String] { elements.map(\.name) }

    /// Adds `element`, replacing an entry of the same name in place.
    public mutating func set(_ element: Element) {
        if let position = positions[element.name] {
            elements[position] = element
        } else {
            positions[element.name] = elements.count
            elements.append(element)
        }
    }
}
