// The compiled form of an operation: for each object type a selection set is executed on, the
// fields to run (fragments flattened, @skip/@include decided), each with its definition,
// resolver, pre-coerced arguments and a completion strategy for its type. Built once per
// (schema, document, operation, values of the variables @skip/@include read) and cached;
// child selections are compiled the first time a value reaches them.

/// How a field's value is completed, by the field's type.
indirect enum Completion: Sendable {
    case nonNull(Completion)
    case list(Completion)
    /// A specified scalar, completed by built-in code.
    case builtInScalar(ScalarCoercion.BuiltIn)
    case customScalar(GraphQLScalarType)
    case enumType(GraphQLEnumType)
    case object(String)
    case abstract(String)

    var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    init(_ type: GraphQLType, schema: GraphQLSchema) {
        switch type {
        case .nonNull(let inner): self = .nonNull(Completion(inner, schema: schema))
        case .list(let inner): self = .list(Completion(inner, schema: schema))
        case .named(let name):
            switch schema.namedType(name) {
            case .scalar(let scalar)?:
                if let builtIn = scalar.coercion.builtIn { self = .builtInScalar(builtIn) } else { self = .customScalar(scalar) }
            case .enum(let enumType)?: self = .enumType(enumType)
            case .object?: self = .object(name)
            default: self = .abstract(name)
            }
        }
    }
}

/// What produces a field's value.
enum FieldSource: Sendable {
    /// `__typename`: the parent type's name.
    case typename
    /// A registered resolver.
    case resolver(BoundField)
    /// No resolver: read the source by field name (JSON), or the introspection resolvers.
    case byName
    case introspection(IntrospectionField)
}

/// How the executor gets a field's value (``FieldSource`` flattened for the hot path).
enum FieldKind: Sendable {
    case typename, sync, async, byName, introspection
    /// A synchronous read whose scalar the executor writes directly (``LeafWriter``).
    case leaf
}

/// A field's arguments: known at plan time when they use no variables.
enum ArgumentPlan: Sendable {
    case none
    case constant(FieldArguments)
    case failure(GraphQLError)
    /// Coerced per request (the literal refers to variables).
    case perRequest
}

/// Bytes written once when a plan is made and only read afterwards, freed by their owner.
///
/// `@unchecked Sendable`: the memory is initialized before the owning plan is published and
/// never written again, so concurrent reads are safe; the owner frees it in its `deinit`,
/// after which no one can hold the plan.
struct FrozenBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}

/// One field to execute on one object type: all the field nodes merged under one response key.
@usableFromInline
final class FieldPlan: Sendable {
    let responseKey: String
    /// `"responseKey":` as JSON bytes, owned by the plan (read without reference counting).
    let key: FrozenBytes
    var keyBytes: UnsafeRawBufferPointer { key.bytes }
    let fieldName: String
    let parentTypeName: String
    let fieldNodes: [Field]
    let definition: GraphQLField
    let kind: FieldKind
    /// The synchronous resolver (a function that throws for other kinds; stored without
    /// `Optional`, which would keep the function in a generic, thunked representation).
    let syncResolver: @Sendable (ResolvedValue, FieldArguments, FieldPlan, RequestState, [PathComponent]?) throws -> ResolvedValue
    /// The direct writer of a ``FieldKind/leaf`` field (a no-op writer that declines otherwise).
    let leafWriter: @Sendable (ResolvedValue, inout ByteBuffer) -> Bool
    let asyncResolver: @Sendable (FieldCall) async throws -> ResolvedValue
    /// Whether the resolver reads ``FieldCall/info`` (the path is captured for it).
    let wantsInfo: Bool
    let introspection: IntrospectionField?
    /// An introspection list field's `includeDeprecated` when its arguments are constant.
    let constantIncludeDeprecated: Bool?
    let arguments: ArgumentPlan
    /// Whether the field has no arguments at all (the common case, skipped early).
    let hasNoArguments: Bool
    let completion: Completion
    let isNonNull: Bool
    /// Child selection plans by concrete object type, compiled on first use.
    let children = Locked<[String: ChildSelection]>([:])
    /// The child selection for the field's object type, compiled with the plan (read without a lock).
    let eagerChildType: String?
    let eagerChild: ChildSelection?

    init(responseKey: String, fieldNodes: [Field], parentTypeName: String, definition: GraphQLField, source: FieldSource,
         arguments: ArgumentPlan, completion: Completion, eagerChild: (String, ChildSelection)? = nil) {
        self.eagerChildType = eagerChild?.0
        self.eagerChild = eagerChild?.1
        self.responseKey = responseKey
        var key: [UInt8] = []
        writeJSONString(responseKey, to: &key)
        key.append(0x3A)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: key.count, alignment: 1)
        storage.copyBytes(from: key)
        self.key = FrozenBytes(bytes: UnsafeRawBufferPointer(storage))
        self.fieldName = fieldNodes[0].name.value
        self.parentTypeName = parentTypeName
        self.fieldNodes = fieldNodes
        self.definition = definition
        let noSync: @Sendable (ResolvedValue, FieldArguments, FieldPlan, RequestState, [PathComponent]?) throws -> ResolvedValue = { _, _, _, _, _ in
            throw GraphQLError(message: "The field has no synchronous resolver.")
        }
        let noAsync: @Sendable (FieldCall) async throws -> ResolvedValue = { _ in
            throw GraphQLError(message: "The field has no asynchronous resolver.")
        }
        var writer: @Sendable (ResolvedValue, inout ByteBuffer) -> Bool = { _, _ in false }
        switch source {
        case .typename:
            kind = .typename
            syncResolver = noSync
            asyncResolver = noAsync
            wantsInfo = false
            introspection = nil
        case .resolver(let bound):
            switch bound.resolution {
            case .sync(let resolve):
                kind = bound.leafWriter.map { FieldPlan.writes($0.kind, completion) && !Self.hasArguments(arguments) } == true ? .leaf : .sync
                syncResolver = resolve
                asyncResolver = noAsync
                if kind == .leaf, let leaf = bound.leafWriter { writer = leaf.write }
            case .async(let resolve):
                kind = .async
                syncResolver = noSync
                asyncResolver = resolve
            }
            wantsInfo = bound.wantsInfo
            introspection = nil
        case .byName:
            kind = .byName
            syncResolver = noSync
            asyncResolver = noAsync
            wantsInfo = false
            introspection = nil
        case .introspection(let field):
            kind = .introspection
            syncResolver = noSync
            asyncResolver = noAsync
            wantsInfo = false
            introspection = field
        }
        self.leafWriter = writer
        self.arguments = arguments
        if case .none = arguments { hasNoArguments = true } else { hasNoArguments = false }
        switch arguments {
        case .none: constantIncludeDeprecated = false
        case .constant(let values): constantIncludeDeprecated = values["includeDeprecated"] == .bool(true)
        case .failure, .perRequest: constantIncludeDeprecated = nil
        }
        self.completion = completion
        self.isNonNull = definition.type.isNonNull
    }

    deinit {
        key.bytes.deallocate()
    }

    /// Whether a leaf writer of `kind` writes exactly what completing its value as
    /// `completion` would (the matching specified scalar, nullable or not).
    static func writes(_ kind: LeafWriter.Kind, _ completion: Completion) -> Bool {
        switch (kind, completion.nullable) {
        case (.string, .builtInScalar(.string)), (.string, .builtInScalar(.id)),
             (.int, .builtInScalar(.int)), (.int, .builtInScalar(.float)),
             (.double, .builtInScalar(.float)), (.bool, .builtInScalar(.boolean)):
            return true
        default:
            return false
        }
    }

    static func hasArguments(_ arguments: ArgumentPlan) -> Bool {
        if case .none = arguments { return false }
        return true
    }

    /// The locations of the field's nodes, for errors.
    var nodeLocations: [Location?] { fieldNodes.map(\.location) }
}

/// The subfields of a field for one object type, or the error collecting them raised (an
/// @skip/@include argument without a usable value).
enum ChildSelection: Sendable {
    case plan(SelectionPlan)
    case failure(GraphQLError)
}

/// The fields to execute on one concrete object type.
final class SelectionPlan: Sendable {
    let typeName: String
    let fields: [FieldPlan]
    /// The type's `isTypeOf` check, if registered.
    let isTypeOf: (@Sendable (ResolvedValue, RequestState) -> Bool)?

    init(typeName: String, fields: [FieldPlan], isTypeOf: (@Sendable (ResolvedValue, RequestState) -> Bool)?) {
        self.typeName = typeName
        self.fields = fields
        self.isTypeOf = isTypeOf
    }
}

/// An operation ready to run: its root selection and what its plans were compiled with.
final class OperationPlan: Sendable {
    let operation: OperationDefinition
    let isMutation: Bool
    let rootTypeName: String
    let root: ChildSelection
    let compiler: PlanCompiler

    init(operation: OperationDefinition, rootTypeName: String, root: ChildSelection, compiler: PlanCompiler) {
        self.operation = operation
        self.isMutation = operation.operation == .mutation
        self.rootTypeName = rootTypeName
        self.root = root
        self.compiler = compiler
    }
}

/// Compiles selection plans for one operation. The variables it holds only decide
/// @skip/@include (plans are cached per distinct values of those variables).
struct PlanCompiler: Sendable {
    let engine: ExecutionEngine
    let fragments: [String: FragmentDefinition]
    let conditionVariables: JSONObject
    /// The document's text (node locations are offsets into it).
    let source: Source?

    var schema: GraphQLSchema { engine.schema }

    /// The child selection of `field` for the concrete type `typeName`, compiled once.
    func childSelection(of field: FieldPlan, for typeName: String) -> ChildSelection {
        if let eager = field.eagerChild, field.eagerChildType == typeName { return eager }
        if let cached = field.children.withLock({ $0[typeName] }) { return cached }
        var budget = Self.eagerBudget
        let compiled = selection(for: typeName, fieldNodes: field.fieldNodes, budget: &budget, depth: 0)
        return field.children.withLock { children in
            if let existing = children[typeName] { return existing }
            children[typeName] = compiled
            return compiled
        }
    }

    /// How many field plans one compilation makes ahead of use (child selections of fields
    /// whose type is an object type), and how deep: beyond either, children are compiled
    /// when a value first reaches them — a hostile document cannot make planning explode.
    static let eagerBudget = 4096
    static let eagerDepth = 24

    /// The root selection of an operation.
    func rootSelection(_ operation: OperationDefinition, rootTypeName: String) -> ChildSelection {
        do {
            var groups = OrderedGroups()
            var visited: Set<String> = []
            try collect(operation.selectionSet, typeName: rootTypeName, into: &groups, visited: &visited)
            var budget = Self.eagerBudget
            return .plan(plan(for: rootTypeName, groups, budget: &budget, depth: 0))
        } catch {
            return .failure(error)
        }
    }

    /// Collects the subfields of `fieldNodes` on object type `typeName` (graphql-js
    /// `collectSubfields`) and plans them.
    func selection(for typeName: String, fieldNodes: [Field], budget: inout Int, depth: Int) -> ChildSelection {
        do {
            var groups = OrderedGroups()
            var visited: Set<String> = []
            for node in fieldNodes {
                if let selectionSet = node.selectionSet {
                    try collect(selectionSet, typeName: typeName, into: &groups, visited: &visited)
                }
            }
            return .plan(plan(for: typeName, groups, budget: &budget, depth: depth))
        } catch {
            return .failure(error)
        }
    }

    /// Field nodes grouped by response key, keys in first-seen order.
    struct OrderedGroups {
        var keys: [String] = []
        var nodes: [String: [Field]] = [:]

        mutating func add(_ field: Field) {
            let key = field.responseKey
            if nodes[key] == nil {
                keys.append(key)
                nodes[key] = [field]
            } else {
                nodes[key]!.append(field)
            }
        }
    }

    /// graphql-js `collectFieldsImpl`: fields in order, fragments whose type condition applies
    /// flattened in place, each named fragment once.
    private func collect(_ selectionSet: SelectionSet, typeName: String, into groups: inout OrderedGroups,
                         visited: inout Set<String>) throws(GraphQLError) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard try shouldInclude(field.directives) else { continue }
                groups.add(field)
            case .inlineFragment(let fragment):
                guard try shouldInclude(fragment.directives), fragmentApplies(fragment.typeCondition, to: typeName) else { continue }
                try collect(fragment.selectionSet, typeName: typeName, into: &groups, visited: &visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), try shouldInclude(spread.directives) else { continue }
                visited.insert(name)
                guard let fragment = fragments[name], fragmentApplies(fragment.typeCondition, to: typeName) else { continue }
                try collect(fragment.selectionSet, typeName: typeName, into: &groups, visited: &visited)
            }
        }
    }

    private func fragmentApplies(_ condition: NamedType?, to typeName: String) -> Bool {
        guard let condition else { return true }
        let conditionName = condition.name.value
        if conditionName == typeName { return true }
        guard let conditionType = schema.namedType(conditionName), conditionType.isAbstractType else { return false }
        return schema.isSubType(conditionName, typeName)
    }

    /// `@skip(if: true)` excludes, `@include(if: false)` excludes (skip wins).
    private func shouldInclude(_ directives: [Directive]) throws(GraphQLError) -> Bool {
        if directives.isEmpty { return true }
        if let skip = directives.first(where: { $0.name.value == "skip" }) {
            let values = try coerceArgumentValues(GraphQLDirective.skip.arguments, skip.arguments, nodeLocation: skip.location, source: source,
                                                  variables: conditionVariables, lookup: schema)
            if values["if"] == .bool(true) { return false }
        }
        if let include = directives.first(where: { $0.name.value == "include" }) {
            let values = try coerceArgumentValues(GraphQLDirective.include.arguments, include.arguments, nodeLocation: include.location, source: source,
                                                  variables: conditionVariables, lookup: schema)
            if values["if"] == .bool(false) { return false }
        }
        return true
    }

    private func plan(for typeName: String, _ groups: OrderedGroups, budget: inout Int, depth: Int) -> SelectionPlan {
        let bound = engine.boundType(typeName)
        var fields: [FieldPlan] = []
        fields.reserveCapacity(groups.keys.count)
        for key in groups.keys {
            let nodes = groups.nodes[key]!
            let fieldName = nodes[0].name.value
            // A field the type does not have is left out (graphql-js `executeField` skips it).
            guard let definition = schema.field(fieldName, on: typeName) else { continue }
            let source: FieldSource
            if fieldName == "__typename" {
                source = .typename
            } else if let introspection = IntrospectionField(typeName: typeName, fieldName: fieldName, schema: schema) {
                source = .introspection(introspection)
            } else if let resolver = bound?.fields[fieldName] {
                source = .resolver(resolver)
            } else {
                source = .byName
            }
            budget -= 1
            var eagerChild: (String, ChildSelection)?
            if budget > 0, depth < Self.eagerDepth, case .object(let childType)? = schema.namedType(definition.type) {
                eagerChild = (childType.name, selection(for: childType.name, fieldNodes: nodes, budget: &budget, depth: depth + 1))
            }
            fields.append(FieldPlan(responseKey: key, fieldNodes: nodes, parentTypeName: typeName, definition: definition, source: source,
                                    arguments: argumentPlan(definition, nodes[0]), completion: engine.completion(for: definition.type),
                                    eagerChild: eagerChild))
        }
        return SelectionPlan(typeName: typeName, fields: fields, isTypeOf: bound?.isTypeOf ?? nil)
    }

    private func argumentPlan(_ definition: GraphQLField, _ node: Field) -> ArgumentPlan {
        if definition.arguments.isEmpty { return .none }
        if node.arguments.contains(where: { $0.value.containsVariable }) { return .perRequest }
        do {
            return .constant(FieldArguments(try coerceArgumentValues(definition.arguments, node.arguments, nodeLocation: node.location, source: source,
                                                                     variables: nil, lookup: schema)))
        } catch {
            return .failure(error)
        }
    }
}

extension Value {
    /// Whether the literal refers to a variable anywhere inside.
    var containsVariable: Bool {
        switch self {
        case .variable: return true
        case .list(let list): return list.values.contains { $0.containsVariable }
        case .object(let object): return object.fields.contains { $0.value.containsVariable }
        default: return false
        }
    }
}

/// The values of the variables an operation's @skip/@include read, as a cache key: each is
/// absent, null, true, false or something else, which is all that decides the plan.
struct ConditionKey: Hashable, Sendable {
    let states: [UInt8]

    init(variableNames: [String], values: JSONObject) {
        states = variableNames.map { name in
            switch values[name] {
            case nil: return 0
            case .null?: return 1
            case .bool(true)?: return 2
            case .bool(false)?: return 3
            default: return 4
            }
        }
    }
}

/// The names of the variables used in @skip/@include anywhere in a document.
func conditionVariableNames(_ document: Document) -> [String] {
    var names: [String] = []
    func scan(_ directives: [Directive]) {
        for directive in directives where directive.name.value == "skip" || directive.name.value == "include" {
            for argument in directive.arguments {
                if case .variable(let variable) = argument.value, !names.contains(variable.name.value) { names.append(variable.name.value) }
            }
        }
    }
    func walk(_ selectionSet: SelectionSet) {
        var stack = [selectionSet]
        while let set = stack.popLast() {
            for selection in set.selections {
                scan(selection.directives)
                switch selection {
                case .field(let field): if let sub = field.selectionSet { stack.append(sub) }
                case .inlineFragment(let fragment): stack.append(fragment.selectionSet)
                case .fragmentSpread: break
                }
            }
        }
    }
    for definition in document.definitions {
        switch definition {
        case .operation(let operation): walk(operation.selectionSet)
        case .fragment(let fragment): walk(fragment.selectionSet)
        default: break
        }
    }
    return names
}
