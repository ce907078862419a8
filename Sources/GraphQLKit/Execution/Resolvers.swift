/// The Swift side of a schema-first service: resolvers for the fields of an SDL schema's
/// types, type resolvers for its interfaces and unions, and coercion hooks for its custom
/// scalars. All closures are `@Sendable`; every resolver gets the request's `Context`.
///
/// ```swift
/// struct Book: GraphQLObject { let id: String; let title: String; let authorID: String }
///
/// var resolvers = Resolvers<AppContext>()
/// resolvers.query { query in
///     query.field("book") { args, context in
///         try await context.books.find(id: try args.string("id"))     // async: awaited concurrently
///     }
/// }
/// resolvers.type("Book", as: Book.self) { book in
///     book.field("id", \.id)                                         // key paths for plain data
///     book.field("title", \.title)
///     book.field("author") { book, _, context in                     // batched with a DataLoader
///         try await context.authors.load(book.authorID)
///     }
/// }
/// resolvers.resolveType("Node") { value, _ in value.typename }
/// let schema = try ExecutableSchema(sdl: sdl, resolvers: resolvers)
/// ```
///
/// A field without a resolver reads its value from a JSON source by name (graphql-js's
/// default resolver); on a Swift source it is an error naming the field.
public struct Resolvers<Context: Sendable>: Sendable {
    @usableFromInline var objectTypes: [String: BoundObjectType] = [:]
    /// Root types registered by operation kind, resolved to names when bound to a schema.
    @usableFromInline var rootTypes: [OperationType: BoundObjectType] = [:]
    @usableFromInline var typeResolvers: [String: TypeResolver] = [:]
    @usableFromInline var scalars: [String: ScalarCoercion] = [:]

    public init() {}

    /// Registers resolvers for object type `typeName`, whose values are `Source` values.
    @inlinable
    public mutating func type<Source: Sendable>(_ typeName: String, as source: Source.Type,
                                                _ configure: (inout ObjectResolvers<Source, Context>) -> Void) {
        var builder = ObjectResolvers<Source, Context>(typeName: typeName, bound: objectTypes[typeName] ?? BoundObjectType(swiftType: ObjectIdentifier(Source.self)))
        configure(&builder)
        objectTypes[typeName] = builder.bound
    }

    /// Registers resolvers for object type `typeName` whose values are JSON (fields without a
    /// resolver read the JSON by name).
    @inlinable
    public mutating func type(_ typeName: String, _ configure: (inout ObjectResolvers<JSONValue, Context>) -> Void) {
        type(typeName, as: JSONValue.self, configure)
    }

    /// Registers resolvers for the query root type (whatever its name); they receive no source.
    @inlinable
    public mutating func query(_ configure: (inout RootResolvers<Context>) -> Void) {
        root(.query, configure)
    }

    /// Registers resolvers for the mutation root type; the executor runs its fields one after another.
    @inlinable
    public mutating func mutation(_ configure: (inout RootResolvers<Context>) -> Void) {
        root(.mutation, configure)
    }

    /// Registers resolvers for the subscription root type (see ``RootResolvers/subscription(_:subscribe:resolve:)``).
    @inlinable
    public mutating func subscription(_ configure: (inout RootResolvers<Context>) -> Void) {
        root(.subscription, configure)
    }

    @inlinable
    mutating func root(_ operation: OperationType, _ configure: (inout RootResolvers<Context>) -> Void) {
        var builder = RootResolvers<Context>(inner: ObjectResolvers(typeName: operation.rawValue, bound: rootTypes[operation] ?? BoundObjectType(swiftType: nil)))
        configure(&builder)
        rootTypes[operation] = builder.inner.bound
    }

    /// Registers how an interface's or union's values find their object type: return the object
    /// type's name (nil: fall back to the default, a JSON `__typename`, an ``ObjectSource``'s
    /// typename or its Swift type's registration).
    @inlinable
    public mutating func resolveType(_ abstractTypeName: String,
                                     _ resolve: @escaping @Sendable (ResolvedValue, Context) throws -> String?) {
        typeResolvers[abstractTypeName] = TypeResolver { value, request in
            try resolve(value, request.context(as: Context.self))
        }
    }

    /// Registers the coercion of custom scalar `name`.
    public mutating func scalar(_ name: String, _ coercion: ScalarCoercion) {
        scalars[name] = coercion
    }

    /// Adds every registration of `other` (later registrations of the same field win): lets
    /// modules contribute resolvers separately.
    public mutating func merge(_ other: Resolvers<Context>) {
        for (name, type) in other.objectTypes { objectTypes[name] = objectTypes[name].map { $0.merging(type) } ?? type }
        for (operation, type) in other.rootTypes { rootTypes[operation] = rootTypes[operation].map { $0.merging(type) } ?? type }
        typeResolvers.merge(other.typeResolvers) { $1 }
        scalars.merge(other.scalars) { $1 }
    }
}

/// The resolvers of one object type whose values are `Source` values.
public struct ObjectResolvers<Source: Sendable, Context: Sendable> {
    public let typeName: String
    @usableFromInline var bound: BoundObjectType

    @usableFromInline
    init(typeName: String, bound: BoundObjectType) {
        self.typeName = typeName
        self.bound = bound
    }

    /// A synchronous resolver: runs inline, no task, no suspension.
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (Source, FieldArguments, Context) throws -> Result) {
        bound.fields[name] = BoundField(resolution: .sync { source, arguments, plan, request, _ in
            let context = request.context(as: Context.self)
            if let result = try withSourceValue(source, as: Source.self, { try resolve($0, arguments, context).resolvedValue }) {
                return result
            }
            throw sourceMismatchError(source, Source.self, plan)
        }, wantsInfo: false)
    }

    /// An asynchronous resolver: the executor collects the async fields met in one pass and
    /// awaits them concurrently (DataLoader loads from one pass become one batch).
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (Source, FieldArguments, Context) async throws -> Result) {
        bound.fields[name] = BoundField(resolution: .async { call in
            guard let source = call.source(as: Source.self) else { throw call.sourceMismatch(Source.self) }
            return try await resolve(source, call.arguments, call.context(as: Context.self)).resolvedValue
        }, wantsInfo: false)
    }

    /// A synchronous resolver that also reads the ``ResolveInfo`` (path, field nodes, …).
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (Source, FieldArguments, Context, ResolveInfo) throws -> Result) {
        bound.fields[name] = BoundField(resolution: .sync { source, arguments, plan, request, path in
            let call = FieldCall(source: source, arguments: arguments, plan: plan, request: request, capturedPath: path)
            guard let typed = call.source(as: Source.self) else { throw call.sourceMismatch(Source.self) }
            return try resolve(typed, arguments, request.context(as: Context.self), call.info).resolvedValue
        }, wantsInfo: true)
    }

    /// An asynchronous resolver that also reads the ``ResolveInfo``.
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (Source, FieldArguments, Context, ResolveInfo) async throws -> Result) {
        bound.fields[name] = BoundField(resolution: .async { call in
            guard let source = call.source(as: Source.self) else { throw call.sourceMismatch(Source.self) }
            return try await resolve(source, call.arguments, call.context(as: Context.self), call.info).resolvedValue
        }, wantsInfo: true)
    }

    /// A field read straight from the source, typically with a key path (`item.field("id", \.id)`):
    /// the fastest way to serve in-memory data (the key path literal becomes a direct
    /// property read).
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(_ name: String, _ get: @escaping @Sendable (Source) -> Result) {
        bound.fields[name] = BoundField(resolution: .sync { source, _, plan, _, _ in
            if let result = withSourceValue(source, as: Source.self, { get($0).resolvedValue }) { return result }
            throw sourceMismatchError(source, Source.self, plan)
        }, wantsInfo: false, leafWriter: LeafWriter.make(get))
    }

    /// A resolver over the untyped ``FieldCall`` (for generic code such as federation's).
    public mutating func rawField(_ name: String, _ resolve: @escaping @Sendable (FieldCall) throws -> ResolvedValue) {
        bound.fields[name] = BoundField(resolution: .sync { source, arguments, plan, request, path in
            try resolve(FieldCall(source: source, arguments: arguments, plan: plan, request: request, capturedPath: path))
        }, wantsInfo: true)
    }

    /// An asynchronous resolver over the untyped ``FieldCall``.
    public mutating func rawField(_ name: String, _ resolve: @escaping @Sendable (FieldCall) async throws -> ResolvedValue) {
        bound.fields[name] = BoundField(resolution: .async(resolve), wantsInfo: true)
    }

    /// Checks that a value is of this type before its fields resolve (graphql-js `isTypeOf`):
    /// a value that fails is an error; it also picks this type for an interface or union.
    @inlinable
    public mutating func isTypeOf(_ check: @escaping @Sendable (ResolvedValue, Context) -> Bool) {
        bound.isTypeOf = { value, request in check(value, request.context(as: Context.self)) }
    }
}

/// The resolvers of a root type: no source value, just arguments and context.
public struct RootResolvers<Context: Sendable> {
    @usableFromInline var inner: ObjectResolvers<ResolvedValue, Context>

    @usableFromInline
    init(inner: ObjectResolvers<ResolvedValue, Context>) {
        self.inner = inner
    }

    /// A synchronous root field.
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (FieldArguments, Context) throws -> Result) {
        inner.field(name) { (_: ResolvedValue, arguments: FieldArguments, context: Context) throws -> Result in try resolve(arguments, context) }
    }

    /// An asynchronous root field.
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (FieldArguments, Context) async throws -> Result) {
        inner.field(name) { (_: ResolvedValue, arguments: FieldArguments, context: Context) async throws -> Result in
            try await resolve(arguments, context)
        }
    }

    /// An asynchronous root field that reads the ``ResolveInfo``.
    @inlinable
    public mutating func field<Result: ResolvedValueConvertible>(
        _ name: String, _ resolve: @escaping @Sendable (FieldArguments, Context, ResolveInfo) async throws -> Result) {
        inner.field(name) { (_: ResolvedValue, arguments: FieldArguments, context: Context, info: ResolveInfo) async throws -> Result in
            try await resolve(arguments, context, info)
        }
    }

    /// A resolver over the untyped ``FieldCall``.
    public mutating func rawField(_ name: String, _ resolve: @escaping @Sendable (FieldCall) async throws -> ResolvedValue) {
        inner.rawField(name, resolve)
    }

    /// A subscription field: `subscribe` creates the stream of events for one subscription;
    /// every event is then executed as the root value of the operation, and `resolve` maps it
    /// to the field's value (by default the event itself).
    @inlinable
    public mutating func subscription<Events: AsyncSequence & Sendable, Result: ResolvedValueConvertible>(
        _ name: String,
        subscribe: @escaping @Sendable (FieldArguments, Context) async throws -> Events,
        resolve: @escaping @Sendable (Events.Element, FieldArguments, Context) async throws -> Result
    ) where Events.Element: Sendable {
        inner.bound.subscriptions[name] = BoundSubscription { call in
            let context = call.context(as: Context.self)
            let events = try await subscribe(call.arguments, context)
            return AnyEventStream(events) { event in ObjectSource(event) }
        }
        inner.bound.fields[name] = BoundField(resolution: .async { call in
            guard case .object(let object) = call.source, let event = object.value(as: Events.Element.self) else {
                throw call.sourceMismatch(Events.Element.self)
            }
            return try await resolve(event, call.arguments, call.context(as: Context.self)).resolvedValue
        }, wantsInfo: false)
    }

    /// A subscription field whose events are the field's values.
    @inlinable
    public mutating func subscription<Events: AsyncSequence & Sendable>(
        _ name: String, subscribe: @escaping @Sendable (FieldArguments, Context) async throws -> Events
    ) where Events.Element: ResolvedValueConvertible {
        subscription(name, subscribe: subscribe) { event, _, _ in event }
    }
}

// MARK: Bound (type-erased) resolvers

/// How one field gets its value.
@usableFromInline
enum FieldResolution: Sendable {
    /// Called inline with borrowed arguments (no per-call allocation or reference counting of a
    /// call record): the source, the arguments, the field's plan and the request.
    case sync(@Sendable (ResolvedValue, FieldArguments, FieldPlan, RequestState, [PathComponent]?) throws -> ResolvedValue)
    case async(@Sendable (FieldCall) async throws -> ResolvedValue)
}

@usableFromInline
struct BoundField: Sendable {
    @usableFromInline let resolution: FieldResolution
    /// Whether the resolver reads ``FieldCall/info`` (the executor then captures the path).
    @usableFromInline let wantsInfo: Bool
    /// For a read of a `String`, `Int`, `Double` or `Bool`: writes the JSON directly.
    @usableFromInline let leafWriter: LeafWriter?

    @usableFromInline
    init(resolution: FieldResolution, wantsInfo: Bool, leafWriter: LeafWriter? = nil) {
        self.resolution = resolution
        self.wantsInfo = wantsInfo
        self.leafWriter = leafWriter
    }

    var isAsync: Bool {
        if case .async = resolution { return true }
        return false
    }
}

/// A subscription field's stream factory.
@usableFromInline
struct BoundSubscription: Sendable {
    @usableFromInline let subscribe: @Sendable (FieldCall) async throws -> AnyEventStream

    @usableFromInline
    init(subscribe: @escaping @Sendable (FieldCall) async throws -> AnyEventStream) {
        self.subscribe = subscribe
    }
}

/// The resolvers registered for one object type.
@usableFromInline
struct BoundObjectType: Sendable {
    @usableFromInline var fields: [String: BoundField] = [:]
    @usableFromInline var subscriptions: [String: BoundSubscription] = [:]
    @usableFromInline var isTypeOf: (@Sendable (ResolvedValue, RequestState) -> Bool)?
    /// The Swift type its values have (nil for root and JSON types).
    @usableFromInline var swiftType: ObjectIdentifier?

    @usableFromInline
    init(swiftType: ObjectIdentifier?) {
        self.swiftType = swiftType == ObjectIdentifier(JSONValue.self) || swiftType == ObjectIdentifier(ResolvedValue.self) ? nil : swiftType
    }

    func merging(_ other: BoundObjectType) -> BoundObjectType {
        var merged = self
        merged.fields.merge(other.fields) { $1 }
        merged.subscriptions.merge(other.subscriptions) { $1 }
        merged.isTypeOf = other.isTypeOf ?? isTypeOf
        merged.swiftType = other.swiftType ?? swiftType
        return merged
    }
}

/// A registered type resolver for an interface or union.
@usableFromInline
struct TypeResolver: Sendable {
    @usableFromInline let resolve: @Sendable (ResolvedValue, RequestState) throws -> String?

    @usableFromInline
    init(resolve: @escaping @Sendable (ResolvedValue, RequestState) throws -> String?) {
        self.resolve = resolve
    }
}

extension ResolvedValue {
    /// The object type name the value carries: a JSON object's `__typename` string, or an
    /// ``ObjectSource``'s typename.
    public var typename: String? {
        switch self {
        case .json(.object(let object)): return object["__typename"]?.stringValue
        case .object(let object): return object.typename
        default: return nil
        }
    }
}

/// Runs `body` on the source as a `Source` value, borrowed in place (no copy of a boxed Swift
/// value): a Swift object of that type, JSON when `Source` is ``JSONValue``, anything when
/// `Source` is ``ResolvedValue``. Nil when the source is something else.
@inlinable
func withSourceValue<Source: Sendable, Result>(_ source: ResolvedValue, as type: Source.Type,
                                               _ body: (Source) throws -> Result) rethrows -> Result? {
    switch source {
    case .object(let object):
        if let result = try object.withValue(as: Source.self, body) { return result }
    case .json(let json):
        if let typed = json as? Source { return try body(typed) }
    default:
        break
    }
    if let typed = source as? Source { return try body(typed) }
    return nil
}

/// The error for a source that is not the Swift type a resolver was registered for.
@usableFromInline
func sourceMismatchError<Source>(_ source: ResolvedValue, _ expected: Source.Type, _ plan: FieldPlan) -> GraphQLError {
    let got: String
    switch source {
    case .object(let object): got = "a Swift \(object.debugDescription)"
    default: got = inspect(source)
    }
    return GraphQLError(message: "The resolver of \(plan.parentTypeName).\(plan.fieldName) expects a \(expected) source but got \(got).")
}

/// Writes a scalar read from a Swift source straight into the response (no ``ResolvedValue``
/// in between), for fields whose type is the matching specified scalar. It declines (returns
/// false) when the source is not the expected type or the value needs the general path (an
/// `Int` outside 32 bits, a non-finite `Double`); the executor then resolves the usual way.
@usableFromInline
struct LeafWriter: Sendable {
    @usableFromInline
    enum Kind: Sendable {
        case string, int, double, bool
    }

    @usableFromInline let kind: Kind
    @usableFromInline let write: @Sendable (ResolvedValue, inout ByteBuffer) -> Bool

    @usableFromInline
    init(kind: Kind, write: @escaping @Sendable (ResolvedValue, inout ByteBuffer) -> Bool) {
        self.kind = kind
        self.write = write
    }

    /// A writer for `get` when `Result` is `String`, `Int`, `Double` or `Bool`.
    @inlinable
    static func make<Source: Sendable, Result>(_ get: @escaping @Sendable (Source) -> Result) -> LeafWriter? {
        if Result.self == String.self {
            return LeafWriter(kind: .string) { source, output in
                withSourceValue(source, as: Source.self) { value -> Bool in
                    guard let text = get(value) as? String else { return false }
                    output.appendJSONString(text)
                    return true
                } ?? false
            }
        }
        if Result.self == Int.self {
            return LeafWriter(kind: .int) { source, output in
                withSourceValue(source, as: Source.self) { value -> Bool in
                    guard let number = get(value) as? Int, number >= -2_147_483_648, number <= 2_147_483_647 else { return false }
                    output.appendInteger(number)
                    return true
                } ?? false
            }
        }
        if Result.self == Double.self {
            return LeafWriter(kind: .double) { source, output in
                withSourceValue(source, as: Source.self) { value -> Bool in
                    guard let number = get(value) as? Double, number.isFinite else { return false }
                    output.appendNumber(number)
                    return true
                } ?? false
            }
        }
        if Result.self == Bool.self {
            return LeafWriter(kind: .bool) { source, output in
                withSourceValue(source, as: Source.self) { value -> Bool in
                    guard let flag = get(value) as? Bool else { return false }
                    output.append(flag ? leafTrue : leafFalse)
                    return true
                } ?? false
            }
        }
        return nil
    }
}

@usableFromInline let leafTrue: [UInt8] = Array("true".utf8)
@usableFromInline let leafFalse: [UInt8] = Array("false".utf8)
