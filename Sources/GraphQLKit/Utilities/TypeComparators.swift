extension GraphQLSchema {
    /// Whether two types are the same (graphql-js `isEqualType`).
    public func isEqualType(_ a: GraphQLType, _ b: GraphQLType) -> Bool {
        a == b
    }

    /// Whether a value of `maybeSubType` is always valid where `superType` is expected: the
    /// same type, a non-null version of it, or an object/interface type implementing an
    /// interface or belonging to a union (graphql-js `isTypeSubTypeOf`).
    public func isTypeSubTypeOf(_ maybeSubType: GraphQLType, _ superType: GraphQLType) -> Bool {
        switch (maybeSubType, superType) {
        case (.named(let sub), .named(let sup)):
            if sub == sup { return true }
            guard let superNamed = namedType(sup), superNamed.isAbstractType else { return false }
            switch namedType(sub) {
            case .object?, .interface?: return isSubType(sup, sub)
            default: return false
            }
        case (.nonNull(let sub), .nonNull(let sup)): return isTypeSubTypeOf(sub, sup)
        case (_, .nonNull): return false
        case (.nonNull(let sub), _): return isTypeSubTypeOf(sub, superType)
        case (.list(let sub), .list(let sup)): return isTypeSubTypeOf(sub, sup)
        case (_, .list), (.list, _): return false
        }
    }

    /// Whether two composite types can both describe some object: the same type, or one
    /// abstract type containing the other or sharing a possible type with it (graphql-js
    /// `doTypesOverlap`).
    public func doTypesOverlap(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let typeA = namedType(a), let typeB = namedType(b) else { return false }
        if typeA.isAbstractType {
            if typeB.isAbstractType {
                return possibleTypes(of: a).contains { isSubType(b, $0.name) }
            }
            return isSubType(a, b)
        }
        if typeB.isAbstractType { return isSubType(b, a) }
        return false
    }

    /// Whether `type` (with its wrappers) is an input type: its named type is a scalar, enum or
    /// input object. Unknown names are not input types.
    public func isInputType(_ type: GraphQLType) -> Bool {
        namedType(type)?.isInputType ?? false
    }

    /// Whether `type` is an output type: its named type is not an input object.
    public func isOutputType(_ type: GraphQLType) -> Bool {
        namedType(type)?.isOutputType ?? false
    }
}
