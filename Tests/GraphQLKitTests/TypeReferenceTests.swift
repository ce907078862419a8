import Testing
@testable import GraphQLKit

/// ``NonNullType`` keeps a wrapped named type inline and boxes the rest; either way its `type`
/// reads back what was stored, and equality and hashing follow the wrapped type.
@Suite struct TypeReferenceTests {
    static let named = TypeReference.named(NamedType(name: "User"))
    static let list = TypeReference.list(ListType(type: named))
    static let nonNullNamed = TypeReference.nonNull(NonNullType(type: named))

    @Test(arguments: [named, list, nonNullNamed])
    func wrappedTypeReadsBack(type: TypeReference) {
        let nonNull = NonNullType(type: type, location: Location(start: 1, end: 2))
        #expect(nonNull.type == type)
        #expect(nonNull.location == Location(start: 1, end: 2))
        #expect(nonNull == NonNullType(type: type, location: Location(start: 1, end: 2)))
        #expect(nonNull.hashValue == NonNullType(type: type, location: Location(start: 1, end: 2)).hashValue)
    }

    @Test func settingTheWrappedTypeReplacesIt() {
        var nonNull = NonNullType(type: Self.named)
        nonNull.type = Self.list
        #expect(nonNull.type == Self.list)
        #expect(nonNull != NonNullType(type: Self.named))
        nonNull.type = Self.named
        #expect(nonNull == NonNullType(type: Self.named))
    }

    @Test func parsedWrappersNestAndPrintBack() throws {
        let type = try Parser.parseType("[[User!]]!")
        guard case .nonNull(let outer) = type, case .list(let list) = outer.type, case .list(let inner) = list.type,
              case .nonNull(let user) = inner.type, case .named(let named) = user.type else {
            Issue.record("unexpected shape: \(type)")
            return
        }
        #expect(named.name.value == "User")
        #expect(type.namedType.name.value == "User")
        #expect(user.location == Location(start: 2, end: 7))
        #expect(outer.location == Location(start: 0, end: 10))
        #expect(Printer.print(type) == "[[User!]]!")
    }
}
