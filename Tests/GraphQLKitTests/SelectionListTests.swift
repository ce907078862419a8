import Testing
@testable import GraphQLKit

/// `SelectionList` behaves as an array of selections would: value semantics (copy on write),
/// element-wise equality and hashing, the range-replacing operations, and parsed lists that
/// stay valid after the document that held them is gone.
@Suite struct SelectionListTests {
    private static func field(_ name: String) -> Selection {
        .field(Field(name: Name(name)))
    }

    private static func names(_ list: SelectionList) -> [String] {
        list.map { selection in
            switch selection {
            case .field(let field): return field.name.value
            case .fragmentSpread(let spread): return "..." + spread.name.value
            case .inlineFragment: return "...inline"
            }
        }
    }

    @Test func emptyList() {
        let empty = SelectionList()
        #expect(empty.isEmpty)
        #expect(empty.count == 0)
        #expect(empty.startIndex == 0 && empty.endIndex == 0)
        #expect(Array(empty).isEmpty)
        #expect(empty == [])
        #expect(empty == SelectionList([]))
        #expect(empty.first == nil)
        var iterator = empty.makeIterator()
        #expect(iterator.next() == nil)
        #expect(empty.description == "[]")
        var hasher = Hasher()
        empty.hash(into: &hasher)
        var arrayHasher = Hasher()
        [Selection]().hash(into: &arrayHasher)
        #expect(hasher.finalize() == arrayHasher.finalize())
    }

    @Test func readsLikeAnArray() {
        let array = ["a", "b", "c"].map(Self.field)
        let list = SelectionList(array)
        #expect(list.count == 3)
        #expect(Array(list) == array)
        #expect(list[1] == array[1])
        #expect(list.indices == 0..<3)
        #expect(Self.names(SelectionList(list[1...])) == ["b", "c"])
        #expect(list.description == array.description)
        #expect(list.debugDescription == array.debugDescription)
        #expect(SelectionList(array.lazy.map { $0 }) == list)
        let literal: SelectionList = [Self.field("a"), Self.field("b"), Self.field("c")]
        #expect(literal == list)
        var contiguousCount = 0
        let seen = list.withContiguousStorageIfAvailable { buffer -> [Selection] in
            contiguousCount = buffer.count
            return Array(buffer)
        }
        #expect(contiguousCount == 3 && seen == array)
    }

    @Test func copyOnWrite() {
        let original = SelectionList(["a", "b"].map(Self.field))
        var copy = original
        copy[0] = Self.field("x")
        #expect(Self.names(original) == ["a", "b"])
        #expect(Self.names(copy) == ["x", "b"])

        var appended = original
        appended.append(Self.field("c"))
        #expect(Self.names(original) == ["a", "b"])
        #expect(Self.names(appended) == ["a", "b", "c"])

        var removed = appended
        removed.remove(at: 0)
        #expect(Self.names(appended) == ["a", "b", "c"])
        #expect(Self.names(removed) == ["b", "c"])

        // A unique list is changed in place, and a copy taken afterwards is independent again.
        var unique = SelectionList(["a"].map(Self.field))
        unique.reserveCapacity(8)
        for name in ["b", "c", "d", "e"] { unique.append(Self.field(name)) }
        let snapshot = unique
        unique[4] = Self.field("z")
        #expect(Self.names(snapshot) == ["a", "b", "c", "d", "e"])
        #expect(Self.names(unique) == ["a", "b", "c", "d", "z"])
    }

    @Test func rangeReplacingOperations() {
        var list = SelectionList()
        for name in ["a", "b", "c", "d"] { list.append(Self.field(name)) }
        var array = ["a", "b", "c", "d"]
        #expect(Self.names(list) == array)

        list.insert(Self.field("x"), at: 1); array.insert("x", at: 1)
        #expect(Self.names(list) == array)
        list.replaceSubrange(2..<4, with: ["p", "q", "r"].map(Self.field)); array.replaceSubrange(2..<4, with: ["p", "q", "r"])
        #expect(Self.names(list) == array)
        list.replaceSubrange(0..<3, with: [Self.field("y")]); array.replaceSubrange(0..<3, with: ["y"])
        #expect(Self.names(list) == array)
        list.append(contentsOf: list); array.append(contentsOf: array)
        #expect(Self.names(list) == array)
        list.removeLast(); array.removeLast()
        #expect(Self.names(list) == array)
        list.removeSubrange(1..<3); array.removeSubrange(1..<3)
        #expect(Self.names(list) == array)
        list.insert(contentsOf: ["m", "n"].map(Self.field), at: list.count); array.insert(contentsOf: ["m", "n"], at: array.count)
        #expect(Self.names(list) == array)
        list.swapAt(0, 1); array.swapAt(0, 1)
        #expect(Self.names(list) == array)
        #expect(Self.names(list.filter { $0 != Self.field("m") }) == array.filter { $0 != "m" })
        list.removeAll(where: { $0 == Self.field("y") }); array.removeAll(where: { $0 == "y" })
        #expect(Self.names(list) == array)
        list.removeAll()
        #expect(list.isEmpty && list == SelectionList())
        list.append(Self.field("again"))
        #expect(Self.names(list) == ["again"])
    }

    @Test func equalityAndHashingAsAnArray() {
        let a = SelectionList(["a", "b"].map(Self.field))
        let sameElements = SelectionList(["a", "b"].map(Self.field))
        let otherOrder = SelectionList(["b", "a"].map(Self.field))
        let shorter = SelectionList(["a"].map(Self.field))
        #expect(a == sameElements)
        #expect(a != otherOrder)
        #expect(a != shorter)
        #expect(a.hashValue == sameElements.hashValue)
        var listHasher = Hasher()
        a.hash(into: &listHasher)
        var arrayHasher = Hasher()
        Array(a).hash(into: &arrayHasher)
        #expect(listHasher.finalize() == arrayHasher.finalize())
        #expect(Set([a, sameElements, otherOrder]).count == 2)
        // Selection sets built from an array or from a list compare alike.
        #expect(SelectionSet(selections: Array(a)) == SelectionSet(selections: a))
    }

    @Test func parsedListsOutliveTheirDocument() throws {
        var kept: SelectionList?
        var keptInner: SelectionList?
        do {
            let document = try Parser.parse("{ a { b c { d } } ...F ... on T { e } } fragment F on T { f }")
            guard case .operation(let operation) = document.definitions[0] else {
                Issue.record("expected an operation")
                return
            }
            kept = operation.selectionSet.selections
            if case .field(let a) = operation.selectionSet.selections[0], case .field(let c) = a.selectionSet?.selections[1] {
                keptInner = c.selectionSet?.selections
            }
        }
        let outer = try #require(kept)
        #expect(Self.names(outer) == ["a", "...F", "...inline"])
        guard case .field(let a) = outer[0], let nested = a.selectionSet?.selections else {
            Issue.record("expected a field with a selection set")
            return
        }
        #expect(Self.names(nested) == ["b", "c"])
        #expect(Self.names(try #require(keptInner)) == ["d"])
        guard case .inlineFragment(let inline) = outer[2] else {
            Issue.record("expected an inline fragment")
            return
        }
        #expect(Self.names(inline.selectionSet.selections) == ["e"])
        // Printing from the kept lists still gives the source's selections.
        #expect(Printer.print(SelectionSet(selections: outer)) == "{\n  a {\n    b\n    c {\n      d\n    }\n  }\n  ...F\n  ... on T {\n    e\n  }\n}")
    }
}
