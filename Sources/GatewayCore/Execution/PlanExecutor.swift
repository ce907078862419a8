import GraphQLKit

/// What one client request brings to plan execution: its variables and the headers forwarded
/// to every subgraph (`authorization`, `traceparent`, `tracestate`).
public struct ExecutionRequestContext: Sendable {
    public var variables: JSONObject
    public var forwardedHeaders: [(name: String, value: String)]

    public init(variables: JSONObject = JSONObject(), forwardedHeaders: [(name: String, value: String)] = []) {
        self.variables = variables
        self.forwardedHeaders = forwardedHeaders
    }
}

/// Counts of what executing one plan did (for tests, metrics and the benchmark).
public struct ExecutionStatistics: Sendable {
    /// Subgraph requests sent.
    public var subgraphCalls = 0
    /// Rounds in which at least one request was sent.
    public var rounds = 0
}

/// Runs a ``PlanNode`` against the subgraphs: the fetches of a `parallel` node concurrently,
/// results merged in place into one data tree, subgraph errors re-pathed to the client's paths.
public struct PlanExecutor: Sendable {
    public let supergraph: Supergraph
    public let transport: any SubgraphTransport

    public init(supergraph: Supergraph, transport: any SubgraphTransport) {
        self.supergraph = supergraph
        self.transport = transport
    }

    /// Executes `node`; returns the merged data, the subgraph errors and statistics.
    public func execute(_ node: PlanNode?, context: ExecutionRequestContext) async -> (data: JSONObject, errors: [GraphQLError], statistics: ExecutionStatistics) {
        let state = ExecutionState()
        if let node { await run(node, state: state, context: context) }
        return (state.data.objectValue ?? JSONObject(), state.errors, state.statistics)
    }

    private func run(_ node: PlanNode, state: ExecutionState, context: ExecutionRequestContext) async {
        switch node {
        case .sequence(let nodes):
            for child in nodes { await run(child, state: state, context: context) }
        case .parallel(let nodes):
            let fetches = nodes.compactMap(\.directFetch)
            if fetches.count == nodes.count {
                await runFetches(fetches, state: state, context: context)
            } else {
                for child in nodes { await run(child, state: state, context: context) }
            }
        case .fetch(let fetch):
            await runFetches([fetch], state: state, context: context)
        case .flatten(_, let inner):
            await run(inner, state: state, context: context)
        }
    }

    /// A prepared request: body bytes plus, for entity fetches, which representation each
    /// visited object got (-1: none).
    private struct Prepared {
        var fetch: FetchNode
        var subgraph: SubgraphEndpoint
        var body: [UInt8]
        var indices: [[Int]]
    }

    private func prepare(_ fetch: FetchNode, state: ExecutionState, context: ExecutionRequestContext) -> Prepared? {
        guard let subgraph = supergraph.subgraph(named: fetch.serviceName) else {
            state.errors.append(GraphQLError(message: "Unknown subgraph \"\(fetch.serviceName)\" in the plan.", extensions: ["code": "QUERY_PLANNING_FAILED"]))
            return nil
        }
        var body = fetch.requestPrefix
        body.reserveCapacity(body.count + 256)
        var wroteVariable = false
        func beginVariable(_ name: String) {
            body.append(contentsOf: wroteVariable ? #","#.utf8 : #","variables":{"#.utf8)
            wroteVariable = true
            writeJSONKey(name, to: &body)
        }
        for name in fetch.variableUsages where !(fetch.isEntityFetch && name == "representations") {
            if let value = context.variables[name] {
                beginVariable(name)
                value.write(to: &body)
            }
        }
        var indices: [[Int]] = []
        if fetch.isEntityFetch {
            // Each representation is serialized straight into the body; duplicates are found by
            // their bytes, so no representation tree is built or hashed.
            // Written representations by hash (a flat list; `hashes` says which hashes occur).
            var written: [(hash: Int, range: Range<Int>, index: Int)] = []
            var hashes: Set<Int> = []
            var objects: [JSONObject] = []
            var count = 0
            beginVariable("representations")
            body.append(UInt8(ascii: "["))
            for target in fetch.entityTargets {
                var targetIndices: [Int] = []
                let format = RepresentationFormat(typeName: target.representationTypeName, fields: target.requires)
                objects.removeAll(keepingCapacity: true)
                state.data.collectObjects(at: target.path[...], typeName: target.typeName, into: &objects)
                for object in objects {
                    let start = body.count
                    if count > 0 { body.append(UInt8(ascii: ",")) }
                    let itemStart = body.count
                    guard object.writeRepresentation(format, to: &body) else {
                        body.removeSubrange(start...)
                        targetIndices.append(-1)
                        continue
                    }
                    let hash = body[itemStart...].withUnsafeBytes { bytes in
                        var hasher = Hasher()
                        hasher.combine(bytes: bytes)
                        return hasher.finalize()
                    }
                    if hashes.contains(hash),
                       let earlier = written.first(where: { $0.hash == hash && body[$0.range].elementsEqual(body[itemStart...]) }) {
                        body.removeSubrange(start...)
                        targetIndices.append(earlier.index)
                    } else {
                        hashes.insert(hash)
                        written.append((hash, itemStart..<body.count, count))
                        targetIndices.append(count)
                        count += 1
                    }
                }
                indices.append(targetIndices)
            }
            if count == 0 { return nil }
            body.append(UInt8(ascii: "]"))
        }
        if wroteVariable { body.append(UInt8(ascii: "}")) }
        body.append(UInt8(ascii: "}"))
        return Prepared(fetch: fetch, subgraph: subgraph, body: body, indices: indices)
    }

    private func runFetches(_ fetches: [FetchNode], state: ExecutionState, context: ExecutionRequestContext) async {
        let prepared = fetches.compactMap { prepare($0, state: state, context: context) }
        if prepared.isEmpty { return }
        state.statistics.rounds += 1
        state.statistics.subgraphCalls += prepared.count
        let transport = self.transport
        let headers = context.forwardedHeaders
        let results: [Result<[UInt8], any Error>]
        if prepared.count == 1 {
            do { results = [.success(try await transport.send(prepared[0].body, to: prepared[0].subgraph, headers: headers))] }
            catch { results = [.failure(error)] }
        } else {
            results = await transport.sendAll(prepared.map { ($0.body, $0.subgraph) }, headers: headers)
        }
        for (item, result) in zip(prepared, results) { merge(result, of: item, state: state) }
    }

    private func failure(_ subgraph: String, _ message: String) -> GraphQLError {
        GraphQLError(message: "Subgraph \"\(subgraph)\" failed: \(message)",
                     extensions: ["code": "SUBREQUEST_HTTP_ERROR", "service": .string(subgraph)])
    }

    private func merge(_ result: Result<[UInt8], any Error>, of prepared: Prepared, state: ExecutionState) {
        let name = prepared.subgraph.name
        let body: [UInt8]
        switch result {
        case .success(let bytes): body = bytes
        case .failure(let error):
            state.errors.append(failure(name, String(describing: error)))
            return
        }
        guard let response = try? JSONValue.parse(utf8: body, options: JSONParseOptions(maxDepth: 512)), case .object(let object) = response else {
            state.errors.append(failure(name, "the response is not a GraphQL JSON response"))
            return
        }
        let data = object["data"]
        if prepared.fetch.isEntityFetch {
            let entities = data?["_entities"]?.arrayValue ?? []
            for (targetIndex, target) in prepared.fetch.entityTargets.enumerated() {
                var position = 0
                state.data.mergeEntities(at: target.path[...], typeName: target.typeName, entities: entities,
                                         indices: prepared.indices[targetIndex], position: &position)
            }
        } else if case .object(let root)? = data {
            if case .object(var existing) = state.data {
                state.data = .null
                existing.deepMerge(root)
                state.data = .object(existing)
            }
        }
        if case .array(let errors)? = object["errors"] {
            for error in errors { state.errors.append(repath(error, of: prepared, state: state)) }
        }
    }

    /// A subgraph error with its path moved to the client's response path.
    private func repath(_ error: JSONValue, of prepared: Prepared, state: ExecutionState) -> GraphQLError {
        let message = error["message"]?.stringValue ?? "Subgraph error"
        var extensions = error["extensions"]?.objectValue ?? JSONObject()
        if extensions["service"] == nil { extensions["service"] = .string(prepared.subgraph.name) }
        var path: [PathComponent]?
        if case .array(let components)? = error["path"] {
            var converted: [PathComponent] = components.compactMap { component in
                switch component {
                case .string(let key): return .key(key)
                case .int(let index): return .index(index)
                default: return nil
                }
            }
            if prepared.fetch.isEntityFetch {
                if converted.count >= 2, case .key("_entities") = converted[0], case .index(let entityIndex) = converted[1],
                   let objectPath = objectPath(ofRepresentation: entityIndex, prepared: prepared, state: state) {
                    converted = objectPath + converted.dropFirst(2)
                } else {
                    converted = []
                }
            }
            path = converted.isEmpty ? nil : converted
        }
        return GraphQLError(message: message, path: path, extensions: extensions)
    }

    private func objectPath(ofRepresentation representation: Int, prepared: Prepared, state: ExecutionState) -> [PathComponent]? {
        for (targetIndex, target) in prepared.fetch.entityTargets.enumerated() {
            guard let position = prepared.indices[targetIndex].firstIndex(of: representation) else { continue }
            var paths: [[PathComponent]] = []
            state.data.objectPaths(at: target.path[...], typeName: target.typeName, prefix: [], into: &paths)
            return position < paths.count ? paths[position] : nil
        }
        return nil
    }
}

/// The data and errors of one plan execution. Used only by the task running the plan (child
/// tasks only do network I/O), so it needs no synchronization.
final class ExecutionState {
    var data: JSONValue = .object(JSONObject())
    var errors: [GraphQLError] = []
    var statistics = ExecutionStatistics()
}

extension PlanNode {
    /// The fetch this node runs when it is a fetch or a flattened fetch.
    var directFetch: FetchNode? {
        switch self {
        case .fetch(let fetch): return fetch
        case .flatten(_, .fetch(let fetch)): return fetch
        default: return nil
        }
    }
}
