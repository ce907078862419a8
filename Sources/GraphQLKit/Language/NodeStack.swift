/// A scratch stack the parser collects list elements on, so that each finished list becomes one
/// exactly-sized array: elements are moved (never copied, never reallocated) into it. Nested
/// lists share the stack: a list starts at the current count and ends by taking its elements
/// off the top.
final class NodeStack<Element> {
    fileprivate var storage: UnsafeMutablePointer<Element>
    fileprivate(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        self.storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    @inline(__always)
    func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Drops every element.
    func removeAll() {
        storage.deinitialize(count: count)
        count = 0
    }

    /// Moves the elements from `base` to the top into a new array and pops them.
    func popArray(from base: Int) -> [Element] {
        let length = count - base
        if length == 0 { return [] }
        // reserveCapacity + append is specialized for Element here; the unsafeUninitializedCapacity
        // initializer goes through an unspecialized runtime path (a metadata lookup per array).
        var result: [Element] = []
        result.reserveCapacity(length)
        for index in base..<count {
            result.append((storage + index).move())
        }
        count = base
        return result
    }

    @inline(never)
    fileprivate func grow() {
        let newCapacity = capacity * 2
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}

extension NodeStack where Element == Selection {
    /// Pushes a field built in place from its parts (no temporary `Field` or `Selection` copies).
    @inline(__always)
    func pushField(name: consuming Name, extras: consuming FieldExtras?, selectionSet: consuming SelectionSet?, location: Location?) {
        if count == capacity { grow() }
        let field = Field(name: name, extras: extras, selectionSet: selectionSet, location: location)
        (storage + count).initialize(to: .field(consume field))
        count += 1
    }

    /// Moves the selections from `base` to the top into a new list (one `memcpy` into a buffer of
    /// exactly their number) and pops them.
    func popSelectionList(from base: Int) -> SelectionList {
        let list = SelectionList(movingFrom: storage + base, count: count - base)
        count = base
        return list
    }
}
