/// The selections of a ``SelectionSet``: a copy-on-write, random-access list of ``Selection``s
/// that is used like an array (`for … in`, `[index]`, `count`, `append`, `map`, array literals,
/// `==` and hashing element by element, as an array's).
///
/// It is not an `Array` because of what parsing costs: the parser fills a list's buffer, sized
/// exactly, with one move of the selections it collected, and freeing a document destroys each
/// list's selections with code compiled for `Selection` (an array of them goes through the
/// runtime's generic element-by-element destroy). Every empty list shares one empty buffer.
///
/// `@unchecked Sendable` because its buffer is a `ManagedBuffer`, which is never `Sendable`:
/// the buffer is written only while exactly one list refers to it (every mutation checks
/// `isKnownUniquelyReferenced` first and copies otherwise), so a buffer that more than one list,
/// task or thread can reach is never written again, and its elements are `Sendable`.
public struct SelectionList: @unchecked Sendable {
    /// The buffer (``SelectionListStorage/empty`` for an empty list). Written only when no other
    /// list shares it. Not optional: an optional reference made the compiler copy and destroy a
    /// field's selection set where it moves an array (measured in the parser).
    @usableFromInline var storage: SelectionListStorage

    /// An empty list.
    @inlinable public init() {
        storage = SelectionListStorage.empty
    }

    /// A list of the elements of `array`, in order.
    public init(_ array: [Selection]) {
        guard !array.isEmpty else {
            storage = SelectionListStorage.empty
            return
        }
        let buffer = SelectionListStorage.allocate(capacity: array.count)
        array.withUnsafeBufferPointer { source in
            buffer.elements.initialize(from: source.baseAddress!, count: source.count)
        }
        buffer.count = array.count
        storage = buffer
    }

    /// A list of the elements of `elements`, in order.
    public init<S: Sequence>(_ elements: S) where S.Element == Selection {
        if let list = elements as? SelectionList {
            self = list
        } else {
            self.init(Array(elements))
        }
    }

    /// A list that takes over (moves) `count` initialized selections from `source`, which is
    /// left uninitialized: one `memcpy` into a buffer of exactly that size.
    init(movingFrom source: UnsafeMutablePointer<Selection>, count: Int) {
        guard count > 0 else {
            storage = SelectionListStorage.empty
            return
        }
        let buffer = SelectionListStorage.allocate(capacity: count)
        buffer.elements.moveInitialize(from: source, count: count)
        buffer.count = count
        storage = buffer
    }
}

/// The buffer behind a ``SelectionList``: the element count (header), then the elements.
/// Never written while shared (see ``SelectionList``).
@usableFromInline
final class SelectionListStorage: ManagedBuffer<Int, Selection> {
    /// The buffer of every empty list. Always shared (this reference keeps it), so never written.
    @usableFromInline
    nonisolated(unsafe) static let empty = allocate(capacity: 0)

    /// A buffer for at least `capacity` elements, holding none yet.
    @usableFromInline
    static func allocate(capacity: Int) -> SelectionListStorage {
        unsafeDowncast(create(minimumCapacity: capacity) { _ in 0 }, to: SelectionListStorage.self)
    }

    /// The number of elements. Read and written through a pointer: the inherited `header`
    /// property is a class's stored property, and every access to it would go through the
    /// runtime's dynamic exclusivity checks.
    @inlinable
    var count: Int {
        get { withUnsafeMutablePointerToHeader { $0.pointee } }
        set { withUnsafeMutablePointerToHeader { $0.pointee = newValue } }
    }

    /// The first element. Valid while the buffer is alive (callers hold a reference to it).
    @inlinable
    var elements: UnsafeMutablePointer<Selection> {
        withUnsafeMutablePointerToElements { $0 }
    }

    deinit {
        // One element at a time, with `Selection`'s own destroy code: `deinitialize(count:)` calls
        // the runtime's generic array destroy (value witness per element), and a per-element
        // `deinitialize(count: 1)` measured ~1,350 instructions more per introspection-query parse.
        let elements = self.elements
        for index in 0..<count {
            _ = (elements + index).move()
        }
    }
}

extension SelectionList: RandomAccessCollection, MutableCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }

    @inlinable public var endIndex: Int { storage.count }

    @inlinable public var count: Int { endIndex }

    @inlinable public var isEmpty: Bool { storage.count == 0 }

    @inlinable
    public subscript(position: Int) -> Selection {
        get {
            precondition(position >= 0 && position < count, "SelectionList index out of range")
            return storage.elements[position]
        }
        set {
            precondition(position >= 0 && position < count, "SelectionList index out of range")
            makeUnique()
            storage.elements[position] = newValue
        }
    }

    @inlinable
    public func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<Selection>) throws -> Result) rethrows -> Result? {
        try storage.withUnsafeMutablePointers { count, elements in
            try body(UnsafeBufferPointer(start: elements, count: count.pointee))
        }
    }

    /// Makes the buffer this list's own (copied if shared), keeping its capacity.
    @usableFromInline
    mutating func makeUnique() {
        guard !isKnownUniquelyReferenced(&storage) else { return }
        reallocate(capacity: count)
    }
}

extension SelectionList: RangeReplaceableCollection {
    /// The number of elements the buffer holds without reallocating.
    var capacity: Int { storage.capacity }

    /// Moves (buffer not shared) or copies the elements into a new buffer of at least `capacity`.
    private mutating func reallocate(capacity: Int) {
        let count = self.count
        let buffer = SelectionListStorage.allocate(capacity: Swift.max(capacity, count))
        let unique = isKnownUniquelyReferenced(&storage)
        let old = storage
        if unique {
            buffer.elements.moveInitialize(from: old.elements, count: count)
            old.count = 0
        } else {
            buffer.elements.initialize(from: old.elements, count: count)
        }
        buffer.count = count
        storage = buffer
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        if minimumCapacity > capacity || !isKnownUniquelyReferenced(&storage) {
            reallocate(capacity: minimumCapacity)
        }
    }

    public mutating func append(_ newElement: Selection) {
        let count = self.count
        if !isKnownUniquelyReferenced(&storage) || count == capacity {
            reallocate(capacity: Swift.max(count * 2, 4))
        }
        let buffer = storage
        (buffer.elements + count).initialize(to: newElement)
        buffer.count = count + 1
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Selection {
        let oldCount = count
        precondition(subrange.lowerBound >= 0 && subrange.upperBound <= oldCount, "SelectionList range out of bounds")
        let inserted = Array(newElements)
        let newCount = oldCount - subrange.count + inserted.count
        let tailCount = oldCount - subrange.upperBound
        if newCount == 0 {
            storage = SelectionListStorage.empty
            return
        }
        let unique = isKnownUniquelyReferenced(&storage)
        let buffer: SelectionListStorage
        if unique, newCount <= capacity {
            // In place: destroy the replaced range, slide the tail, fill the gap.
            buffer = storage
            let elements = buffer.elements
            (elements + subrange.lowerBound).deinitialize(count: subrange.count)
            (elements + subrange.lowerBound + inserted.count).moveInitialize(from: elements + subrange.upperBound, count: tailCount)
        } else {
            buffer = SelectionListStorage.allocate(capacity: newCount > capacity ? Swift.max(newCount, oldCount * 2) : newCount)
            let old = storage
            let source = old.elements
            let target = buffer.elements
            if unique {
                target.moveInitialize(from: source, count: subrange.lowerBound)
                (source + subrange.lowerBound).deinitialize(count: subrange.count)
                (target + subrange.lowerBound + inserted.count).moveInitialize(from: source + subrange.upperBound, count: tailCount)
                old.count = 0
            } else {
                target.initialize(from: source, count: subrange.lowerBound)
                (target + subrange.lowerBound + inserted.count).initialize(from: source + subrange.upperBound, count: tailCount)
            }
        }
        inserted.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (buffer.elements + subrange.lowerBound).initialize(from: base, count: source.count) }
        }
        buffer.count = newCount
        storage = buffer
    }
}

extension SelectionList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Selection...) {
        self.init(elements)
    }
}

extension SelectionList: Hashable {
    /// Element by element, as arrays compare (two lists sharing a buffer are equal at once).
    public static func == (lhs: SelectionList, rhs: SelectionList) -> Bool {
        let count = lhs.count
        guard count == rhs.count else { return false }
        guard count > 0, lhs.storage !== rhs.storage else { return true }
        let left = lhs.storage.elements
        let right = rhs.storage.elements
        for index in 0..<count where left[index] != right[index] {
            return false
        }
        return true
    }

    /// The count, then each element, as an array hashes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        let elements = storage.elements
        for index in 0..<storage.count {
            hasher.combine(elements[index])
        }
    }
}

extension SelectionList: CustomStringConvertible, CustomDebugStringConvertible {
    /// As an array of the same selections prints.
    public var description: String { Array(self).description }

    public var debugDescription: String { Array(self).debugDescription }
}
