import GraphQLKit

/// A planned operation: the plan plus what the executor needs to shape the client's response.
public struct QueryPlan: Sendable {
    /// The plan; nil when no subgraph is needed (only `__typename` or introspection).
    public var node: PlanNode?
    /// The operation chosen from the document.
    public var operation: OperationDefinition
    /// The document's fragments by name.
    public var fragments: [String: FragmentDefinition]
    /// The root type name for the operation (`Query`, `Mutation`).
    public var rootTypeName: String
    /// The root fields answered from the API schema's introspection (`__schema`, `__type`).
    public var hasIntrospection: Bool
    /// The client's selections collected per runtime type once, for shaping responses; nil when
    /// the operation uses `@skip`/`@include` (shaped from the document per request then).
    var shape: ResponseShape?

    /// The plan in the text form the tests and the `extensions.queryPlan` debug output use.
    public var text: String { QueryPlanPrinter.print(node) }
}

/// Plans operations against a supergraph (see ``PlanNode``).
///
/// ```swift
/// let planner = QueryPlanner(supergraph: supergraph)
/// let plan = try planner.plan(document: try Parser.parse("{ users { name reviews { body } } }"))
/// print(plan.text)
/// ```
public struct QueryPlanner: Sendable {
    public let supergraph: Supergraph

    public init(supergraph: Supergraph) {
        self.supergraph = supergraph
    }

    /// Plans the operation `operationName` (or the only one) of `document`, with the
    /// progressive overrides whose labels are in `labels` in effect.
    public func plan(document: Document, operationName: String? = nil, labels: ActiveOverrideLabels = .none) throws(GraphQLError) -> QueryPlan {
        var operations: [OperationDefinition] = []
        var fragments: [String: FragmentDefinition] = [:]
        for definition in document.definitions {
            switch definition {
            case .operation(let operation): operations.append(operation)
            case .fragment(let fragment): fragments[fragment.name.value] = fragment
            default: continue
            }
        }
        let operation: OperationDefinition
        if let operationName {
            guard let named = operations.first(where: { $0.name?.value == operationName }) else {
                throw GraphQLError(message: "Unknown operation named \"\(operationName)\".")
            }
            operation = named
        } else {
            guard operations.count == 1, let only = operations.first else {
                throw GraphQLError(message: operations.isEmpty ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.")
            }
            operation = only
        }
        if operation.operation == .subscription {
            throw GraphQLError(message: "Subscriptions are not supported by the gateway.", extensions: ["code": "OPERATION_NOT_SUPPORTED"])
        }
        guard let rootTypeName = supergraph.apiSchema.rootTypeName(for: operation.operation) else {
            throw GraphQLError(message: "Schema is not configured to execute \(operation.operation.rawValue) operation.")
        }
        let builder = PlanBuilder(supergraph: supergraph, fragments: fragments, operation: operation, labels: labels)
        let rootFields = builder.collectFields(operation.selectionSet.selections, typeName: rootTypeName, conditions: [])
        let hasIntrospection = rootFields.contains { $0.field.name.value == "__schema" || $0.field.name.value == "__type" }
        let node: PlanNode?
        if operation.operation == .mutation {
            var steps: [PlanNode] = []
            for field in rootFields {
                let step = PlanBuilder(supergraph: supergraph, fragments: fragments, operation: operation, labels: labels)
                try step.planRoot([field], rootTypeName: rootTypeName)
                if let node = step.planNode() { steps.append(node) }
            }
            node = steps.isEmpty ? nil : (steps.count == 1 ? steps[0] : .sequence(steps))
        } else {
            try builder.planRoot(rootFields, rootTypeName: rootTypeName)
            node = builder.planNode()
        }
        let shape = ResponseShape.make(operation: operation, fragments: fragments, rootTypeName: rootTypeName, schema: supergraph.apiSchema)
        return QueryPlan(node: node, operation: operation, fragments: fragments, rootTypeName: rootTypeName,
                         hasIntrospection: hasIntrospection, shape: shape)
    }
}

/// A field collected from a selection set, with the directive lists of the conditional
/// fragments (`... @include(if: $x)`) it sits in.
struct CollectedField {
    var field: Field
    var conditions: [[Directive]]
}

/// The mutable state of planning one operation (or one mutation root field).
final class PlanBuilder {
    let supergraph: Supergraph
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinition]
    let operation: OperationDefinition
    /// The progressive-override labels in effect for this plan.
    let labels: ActiveOverrideLabels
    private var groups: [FetchGroup] = []
    /// The entity jumps (`graph|type`) whose key and required fields are being planned: no
    /// field is fetched through one of them, so key chains never loop.
    private var jumpsInProgress: Set<String> = []

    /// Where selections of one level go while planning.
    struct Context {
        var group: FetchGroup
        var node: SelectionTree
        var path: [String]
        /// Fields this group's subgraph provides here (`@provides`), beyond what it resolves.
        var provided: SelectionSet?
    }

    init(supergraph: Supergraph, fragments: [String: FragmentDefinition], operation: OperationDefinition, labels: ActiveOverrideLabels = .none) {
        self.supergraph = supergraph
        self.labels = labels
        self.schema = supergraph.apiSchema
        self.fragments = fragments
        self.operation = operation
    }

    // MARK: Collecting fields

    /// The fields selected on an object of type `typeName`, fragments flattened (conditional
    /// fragments kept as conditions), same response key and conditions merged.
    func collectFields(_ selections: SelectionList, typeName: String, conditions: [[Directive]]) -> [CollectedField] {
        var result: [CollectedField] = []
        var positions: [String: Int] = [:]
        collect(selections, typeName: typeName, conditions: conditions, into: &result, positions: &positions, visited: [])
        return result
    }

    private func applies(_ typeCondition: String?, to typeName: String) -> Bool {
        guard let typeCondition, typeCondition != typeName else { return true }
        return schema.isPossibleType(typeCondition, typeName)
    }

    private func collect(_ selections: SelectionList, typeName: String, conditions: [[Directive]],
                         into result: inout [CollectedField], positions: inout [String: Int], visited: Set<String>) {
        for selection in selections {
            switch selection {
            case .field(let field):
                var key = field.responseKey
                for directives in conditions { key += "|" + directives.map { Printer.print($0) }.joined(separator: " ") }
                if let position = positions[key] {
                    if let extra = field.selectionSet {
                        var merged = result[position].field.selectionSet ?? SelectionSet(selections: [])
                        merged.selections.append(contentsOf: extra.selections)
                        result[position].field.selectionSet = merged
                    }
                } else {
                    positions[key] = result.count
                    result.append(CollectedField(field: field, conditions: conditions))
                }
            case .inlineFragment(let fragment):
                guard applies(fragment.typeCondition?.name.value, to: typeName) else { continue }
                let inner = fragment.directives.isEmpty ? conditions : conditions + [fragment.directives]
                collect(fragment.selectionSet.selections, typeName: typeName, conditions: inner, into: &result, positions: &positions, visited: visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), let fragment = fragments[name],
                      applies(fragment.typeCondition.name.value, to: typeName) else { continue }
                let inner = spread.directives.isEmpty ? conditions : conditions + [spread.directives]
                collect(fragment.selectionSet.selections, typeName: typeName, conditions: inner, into: &result, positions: &positions,
                        visited: visited.union([name]))
            }
        }
    }

    // MARK: Groups

    private func newGroup(graph: String, depth: Int, isEntityFetch: Bool) -> FetchGroup {
        let group = FetchGroup(id: groups.count, graph: graph, depth: depth, isEntityFetch: isEntityFetch)
        groups.append(group)
        return group
    }

    private func rootGroup(graph: String) -> FetchGroup {
        groups.first { !$0.isEntityFetch && $0.graph == graph } ?? newGroup(graph: graph, depth: 0, isEntityFetch: false)
    }

    private func entityGroup(graph: String, depth: Int) -> FetchGroup {
        groups.first { $0.isEntityFetch && $0.graph == graph && $0.depth == depth } ?? newGroup(graph: graph, depth: depth, isEntityFetch: true)
    }

    // MARK: Planning

    func planRoot(_ fields: [CollectedField], rootTypeName: String) throws(GraphQLError) {
        for collected in fields {
            let name = collected.field.name.value
            if name.hasPrefix("__") { continue }
            guard let definition = schema.field(name, on: rootTypeName) else {
                throw GraphQLError(message: "Cannot query field \"\(name)\" on type \"\(rootTypeName)\".", extensions: ["code": "GRAPHQL_VALIDATION_FAILED"])
            }
            let graphs = supergraph.resolvableGraphs(type: rootTypeName, field: name, labels: labels)
            guard let graph = graphs.first(where: { candidate in groups.contains { $0.graph == candidate } }) ?? graphs.first else {
                throw GraphQLError(message: "No subgraph resolves \(rootTypeName).\(name).", extensions: ["code": "QUERY_PLANNING_FAILED"])
            }
            let group = rootGroup(graph: graph)
            let node = group.selections.insert(collected.field, conditions: collected.conditions)
            if let sub = collected.field.selectionSet {
                let context = Context(group: group, node: node, path: childPath([], collected.field, definition.type),
                                      provided: supergraph.fieldJoin(type: rootTypeName, field: name, graph: graph)?.provides)
                try plan(sub.selections, typeName: definition.type.namedTypeName, context: context, conditions: [])
            }
        }
    }

    private func childPath(_ path: [String], _ field: Field, _ type: GraphQLType) -> [String] {
        var result = path
        result.append(field.responseKey)
        var current = type
        while let inner = current.ofType {
            if current.isList { result.append("@") }
            current = inner
        }
        return result
    }

    /// Plans `selections` on a value of type `typeName` fetched by `context.group`; returns the
    /// ids of the groups that fetch fields of this level.
    @discardableResult
    func plan(_ selections: SelectionList, typeName: String, context: Context, conditions: [[Directive]]) throws(GraphQLError) -> Set<Int> {
        guard let type = schema.namedType(typeName) else { return [] }
        if type.isAbstractType && supergraph.isInterfaceObject(typeName, in: context.group.graph) {
            return try planInterfaceObject(selections, interface: typeName, context: context, conditions: conditions)
        }
        if type.isAbstractType {
            _ = context.node.insert(Field(name: Name("__typename")), conditions: [])
            var touched: Set<Int> = [context.group.id]
            for object in schema.possibleTypes(of: typeName) {
                guard supergraph.canReturn(object: object.name, as: typeName, in: context.group.graph) else { continue }
                let fields = collectFields(selections, typeName: object.name, conditions: conditions)
                if fields.allSatisfy({ $0.field.name.value == "__typename" }) { continue }
                var inner = context
                inner.node = context.node.child(.fragment(typeCondition: object.name, directives: []))
                touched.formUnion(try planFields(fields, typeName: object.name, context: inner))
            }
            return touched
        }
        return try planFields(collectFields(selections, typeName: typeName, conditions: conditions), typeName: typeName, context: context)
    }

    /// Plans `selections` on interface `interface` met in a subgraph that declares it as an
    /// `@interfaceObject` (so it answers `__typename` with the interface's name): the interface
    /// fields as for an object type (here, or from other subgraphs by key), then `__typename`
    /// and the fields of the concrete types from a subgraph that has the interface itself, with
    /// an `_entities` call whose representations name the interface.
    private func planInterfaceObject(_ selections: SelectionList, interface: String, context: Context, conditions: [[Directive]]) throws(GraphQLError) -> Set<Int> {
        let interfaceFields = collectFields(selections, typeName: interface, conditions: conditions)
        var touched = try planFields(interfaceFields.filter { $0.field.name.value != "__typename" }, typeName: interface, context: context)
        guard let owner = supergraph.interfaceOwnerGraphs(of: interface).first else {
            throw GraphQLError(message: "Cannot plan \(interface) from subgraph \"\(context.group.graph)\": no subgraph defines the interface with a resolvable @key, so its concrete type cannot be resolved.",
                               extensions: ["code": "QUERY_PLANNING_FAILED"])
        }
        let typename = CollectedField(field: Field(name: Name("__typename")), conditions: [])
        let targetID = try planEntityJump(RemoteBucket(graph: owner, entityType: interface, fields: [typename]), typeName: interface, context: context)
        touched.insert(targetID)
        let target = groups[targetID]
        let entityNode = target.selections.child(.fragment(typeCondition: interface, directives: []))
        // Interface fields were planned above; only what a concrete type adds is left.
        let planned = Set(interfaceFields.map(Self.signature))
        for object in schema.possibleTypes(of: interface) where supergraph.canReturn(object: object.name, as: interface, in: owner) {
            let fields = collectFields(selections, typeName: object.name, conditions: conditions).filter { collected in
                collected.field.name.value != "__typename" && !planned.contains(Self.signature(collected))
            }
            if fields.isEmpty { continue }
            let inner = Context(group: target, node: entityNode.child(.fragment(typeCondition: object.name, directives: [])), path: context.path, provided: nil)
            touched.formUnion(try planFields(fields, typeName: object.name, context: inner))
        }
        return touched
    }

    /// A collected field as text (selection and conditions), to recognize the same field twice.
    private static func signature(_ collected: CollectedField) -> String {
        var text = Printer.print(Selection.field(collected.field))
        for directives in collected.conditions { text += "|" + directives.map { Printer.print($0) }.joined(separator: " ") }
        return text
    }

    /// True when the top-level fields of `key` on `typeName` can be had in subgraph `graph`:
    /// resolved or provided there, or fetched through a chain of entity jumps (by their own
    /// keys) that avoids the jumps in `visiting` (`graph|type` marks).
    private func obtainable(_ key: SelectionSet, typeName: String, from graph: String, provided: SelectionSet?, visiting: Set<String>) -> Bool {
        key.selections.allSatisfy { selection in
            guard case .field(let field) = selection else { return false }
            let name = field.name.value
            if supergraph.canResolve(type: typeName, field: name, in: graph, labels: labels) || isProvided(name, in: provided) != nil { return true }
            return supergraph.resolvableGraphs(type: typeName, field: name, labels: labels).contains { other in
                let mark = other + "|" + typeName
                guard other != graph, !visiting.contains(mark) else { return false }
                return supergraph.keys(of: typeName, in: other).contains { nested in
                    obtainable(nested, typeName: typeName, from: graph, provided: provided, visiting: visiting.union([mark]))
                }
            }
        }
    }

    private func isProvided(_ name: String, in provided: SelectionSet?) -> Field? {
        guard let provided else { return nil }
        for selection in provided.selections {
            if case .field(let field) = selection, field.name.value == name { return field }
            if case .inlineFragment(let fragment) = selection, let found = isProvided(name, in: fragment.selectionSet) { return found }
        }
        return nil
    }

    private struct RemoteBucket {
        var graph: String
        var entityType: String
        var fields: [CollectedField]
    }

    private func planFields(_ fields: [CollectedField], typeName: String, context: Context) throws(GraphQLError) -> Set<Int> {
        var touched: Set<Int> = []
        var buckets: [RemoteBucket] = []
        let graph = context.group.graph
        for collected in fields {
            let name = collected.field.name.value
            if name == "__typename" {
                _ = context.node.insert(collected.field, conditions: collected.conditions)
                touched.insert(context.group.id)
                continue
            }
            guard let definition = schema.field(name, on: typeName) else {
                throw GraphQLError(message: "Cannot query field \"\(name)\" on type \"\(typeName)\".", extensions: ["code": "GRAPHQL_VALIDATION_FAILED"])
            }
            let providedField = isProvided(name, in: context.provided)
            if providedField != nil || supergraph.canResolve(type: typeName, field: name, in: graph, labels: labels) {
                let node = context.node.insert(collected.field, conditions: collected.conditions)
                touched.insert(context.group.id)
                if let sub = collected.field.selectionSet {
                    let provided = providedField?.selectionSet ?? supergraph.fieldJoin(type: typeName, field: name, graph: graph)?.provides
                    let inner = Context(group: context.group, node: node, path: childPath(context.path, collected.field, definition.type), provided: provided)
                    try plan(sub.selections, typeName: definition.type.namedTypeName, context: inner, conditions: [])
                }
                continue
            }
            var candidates: [(graph: String, entityType: String)] = supergraph.resolvableGraphs(type: typeName, field: name, labels: labels).map { ($0, typeName) }
            for interface in schema.objectType(typeName)?.interfaces ?? [] {
                for candidate in supergraph.interfaceObjectGraphs(of: interface)
                where supergraph.canResolve(type: interface, field: name, in: candidate, labels: labels) {
                    candidates.append((candidate, interface))
                }
            }
            // Never through a jump whose own key fields are being planned (no cycles); prefer a
            // subgraph already asked at this level, then one whose key can be had from here.
            candidates.removeAll { jumpsInProgress.contains($0.graph + "|" + $0.entityType) }
            func viable(_ candidate: (graph: String, entityType: String)) -> Bool {
                supergraph.keys(of: candidate.entityType, in: candidate.graph).contains { key in
                    obtainable(key, typeName: typeName, from: graph, provided: context.provided,
                               visiting: jumpsInProgress.union([candidate.graph + "|" + candidate.entityType]))
                }
            }
            guard let choice = candidates.first(where: { candidate in buckets.contains { $0.graph == candidate.graph } })
                    ?? candidates.first(where: viable) ?? candidates.first else {
                throw GraphQLError(message: "No subgraph resolves \(typeName).\(name) from subgraph \"\(graph)\".", extensions: ["code": "QUERY_PLANNING_FAILED"])
            }
            if let position = buckets.firstIndex(where: { $0.graph == choice.graph && $0.entityType == choice.entityType }) {
                buckets[position].fields.append(collected)
            } else {
                buckets.append(RemoteBucket(graph: choice.graph, entityType: choice.entityType, fields: [collected]))
            }
        }
        for bucket in buckets {
            touched.insert(try planEntityJump(bucket, typeName: typeName, context: context))
        }
        return touched
    }

    /// Plans fields that another subgraph resolves: key (and required) fields here, then an
    /// `_entities` fetch there, in the round after every group those fields come from.
    private func planEntityJump(_ bucket: RemoteBucket, typeName: String, context: Context) throws(GraphQLError) -> Int {
        let keys = supergraph.keys(of: bucket.entityType, in: bucket.graph)
        let graph = context.group.graph
        func isLocal(_ key: SelectionSet) -> Bool {
            key.selections.allSatisfy { selection in
                guard case .field(let field) = selection else { return false }
                return supergraph.canResolve(type: typeName, field: field.name.value, in: graph, labels: labels)
                    || isProvided(field.name.value, in: context.provided) != nil
            }
        }
        let mark = bucket.graph + "|" + bucket.entityType
        let reachableKey = keys.first { obtainable($0, typeName: typeName, from: graph, provided: context.provided, visiting: jumpsInProgress.union([mark])) }
        guard let key = keys.first(where: isLocal) ?? reachableKey ?? keys.first else {
            throw GraphQLError(message: "Cannot plan \(typeName) fields from subgraph \"\(bucket.graph)\": it has no resolvable @key for \(bucket.entityType).",
                               extensions: ["code": "QUERY_PLANNING_FAILED"])
        }
        // While this jump's key and required fields are planned, no field may come through it.
        jumpsInProgress.insert(mark)
        defer { jumpsInProgress.remove(mark) }
        // Key fields carry the conditions all the fields share (fragment conditions and the
        // fields' own @skip/@include), so a skipped field leaves no representation to send.
        func fullConditions(_ collected: CollectedField) -> [[Directive]] {
            let own = collected.field.directives.filter { $0.name.value == "skip" || $0.name.value == "include" }
            return own.isEmpty ? collected.conditions : collected.conditions + [own]
        }
        let first = fullConditions(bucket.fields[0])
        let shared = bucket.fields.allSatisfy { fullConditions($0) == first } ? first : []
        var keySelections = key.selections
        keySelections.insert(.field(Field(name: Name("__typename"))), at: 0)
        // Key and required fields are fields of `typeName` itself (planned as on an object type even
        // when it is an interface met as an @interfaceObject, whose __typename is the interface).
        var dependencies = try planFields(collectFields(keySelections, typeName: typeName, conditions: shared), typeName: typeName, context: context)
        var requirements: [SelectionSet] = []
        for collected in bucket.fields {
            if let requires = supergraph.fieldJoin(type: bucket.entityType, field: collected.field.name.value, graph: bucket.graph)?.requires {
                requirements.append(requires)
                dependencies.formUnion(try plan(requires.selections, typeName: typeName, context: context, conditions: collected.conditions))
            }
        }
        let depth = (dependencies.map { groups[$0].depth }.max() ?? context.group.depth) + 1
        let target = entityGroup(graph: bucket.graph, depth: depth)
        target.dependencies.formUnion(dependencies)
        let part = target.part(path: context.path, typeName: typeName, representationTypeName: bucket.entityType)
        part.requires.insert(key)
        for requires in requirements { part.requires.insert(requires) }
        let entityNode = target.selections.child(.fragment(typeCondition: bucket.entityType, directives: []))
        for collected in bucket.fields {
            let node = entityNode.insert(collected.field, conditions: collected.conditions)
            guard let sub = collected.field.selectionSet,
                  let definition = schema.field(collected.field.name.value, on: typeName) else { continue }
            let inner = Context(group: target, node: node, path: childPath(context.path, collected.field, definition.type),
                                provided: supergraph.fieldJoin(type: bucket.entityType, field: collected.field.name.value, graph: bucket.graph)?.provides)
            try plan(sub.selections, typeName: definition.type.namedTypeName, context: inner, conditions: [])
        }
        return target.id
    }

    // MARK: Output

    /// The groups as rounds: a sequence of parallel steps.
    func planNode() -> PlanNode? {
        let used = groups.filter { !$0.selections.isEmpty }
        guard let maxDepth = used.map(\.depth).max() else { return nil }
        let operationName = operation.name?.value
        var rounds: [PlanNode] = []
        for depth in 0...maxDepth {
            let nodes: [PlanNode] = used.filter { $0.depth == depth }.map { group in
                let fetch = group.fetchNode(operationType: group.isEntityFetch ? .query : operation.operation,
                                            operationName: operationName, variableDefinitions: operation.variableDefinitions)
                if fetch.entityTargets.count == 1 {
                    return .flatten(path: fetch.entityTargets[0].pathText, node: .fetch(fetch))
                }
                return .fetch(fetch)
            }
            if nodes.isEmpty { continue }
            rounds.append(nodes.count == 1 ? nodes[0] : .parallel(nodes))
        }
        return rounds.count == 1 ? rounds[0] : .sequence(rounds)
    }
}
