import Testing
@testable import GraphQLKit

@Suite struct DataLoaderTests {
    struct Post: GraphQLObject { let id: Int; let authorID: String }
    struct Person: GraphQLObject { let id: String; let name: String }
    struct Missing: Error, CustomStringConvertible {
        let key: String
        var description: String { "no person \(key)" }
    }

    /// The request context: one loader per request, counting what its batch function saw.
    final class Context: Sendable {
        let batches = Locked<[[String]]>([])
        let people: DataLoader<String, Person>
        let friends: DataLoader<String, [Person]>

        init(maxBatchSize: Int = 100) {
            let batches = self.batches
            people = DataLoader(maxBatchSize: maxBatchSize) { ids in
                batches.withLock { $0.append(ids) }
                try await Task.sleep(nanoseconds: 500_000)
                return ids.map { id in id.hasPrefix("x") ? .failure(Missing(key: id)) : .success(Person(id: id, name: "name-\(id)")) }
            }
            friends = DataLoader { ids in
                batches.withLock { $0.append(ids.map { "friends:" + $0 }) }
                return ids.map { id in .success([Person(id: id + "f", name: "friend of \(id)")]) }
            }
        }
    }

    static func executable() throws -> ExecutableSchema<Context> {
        var resolvers = Resolvers<Context>()
        resolvers.query { query in
            query.field("posts") { _, _ in
                [Post(id: 1, authorID: "a"), Post(id: 2, authorID: "b"), Post(id: 3, authorID: "a"), Post(id: 4, authorID: "x1"), Post(id: 5, authorID: "c")]
            }
            query.field("person") { (args: FieldArguments, context: Context) async throws -> Person in
                try await context.people.load(try args.string("id"))
            }
        }
        resolvers.type("Post", as: Post.self) { post in
            post.field("id", \.id)
            post.field("author") { (post: Post, _: FieldArguments, context: Context) async throws -> Person? in
                try await context.people.load(post.authorID)
            }
        }
        resolvers.type("Person", as: Person.self) { person in
            person.field("name", \.name)
            person.field("friends") { (person: Person, _: FieldArguments, context: Context) async throws -> [Person] in
                try await context.friends.load(person.id)
            }
        }
        return try ExecutableSchema(sdl: """
            type Query { posts: [Post!]! person(id: ID!): Person }
            type Post { id: Int! author: Person }
            type Person { name: String! friends: [Person!]! }
            """, resolvers: resolvers)
    }

    @Test func loadsFromOnePassBecomeOneBatchWithErrorsPerKey() async throws {
        let context = Context()
        let response = try await Self.executable().execute(GraphQLRequest(query: "{ posts { id author { name } } }"), context: context)
        #expect(String(decoding: response.serialized(), as: UTF8.self) == #"{"errors":[{"message":"no person x1","locations":[{"line":1,"column":14}],"path":["posts",3,"author"]}],"data":{"posts":[{"id":1,"author":{"name":"name-a"}},{"id":2,"author":{"name":"name-b"}},{"id":3,"author":{"name":"name-a"}},{"id":4,"author":null},{"id":5,"author":{"name":"name-c"}}]}}"#)
        // Five loads (one key twice) in one pass: one batch of the four distinct keys.
        #expect(context.batches.withLock { $0 } == [["a", "b", "x1", "c"]])
        #expect(context.people.batchCallCount == 1)
    }

    @Test func nestedLoadsBatchPerLevelAndTheCacheAnswersRepeats() async throws {
        let context = Context()
        let executable = try Self.executable()
        let response = await executable.execute(GraphQLRequest(query: "{ posts { author { friends { name } } } }"), context: context)
        #expect(response.errors.count == 1)
        #expect(context.batches.withLock { $0 } == [["a", "b", "x1", "c"], ["friends:a", "friends:b", "friends:c"]])
        // The same context again: everything comes from the loaders' caches.
        _ = await executable.execute(GraphQLRequest(query: "{ posts { author { name friends { name } } } }"), context: context)
        #expect(context.batches.withLock { $0.count } == 2)
    }

    @Test func batchesAreSplitAtTheMaximumSize() async throws {
        let context = Context(maxBatchSize: 2)
        _ = try await Self.executable().execute(GraphQLRequest(query: "{ posts { author { name } } }"), context: context)
        #expect(context.batches.withLock { $0.sorted { $0.joined() < $1.joined() } } == [["a", "b"], ["x1", "c"]].sorted { $0.joined() < $1.joined() })
    }

    @Test func loadManyAndPrimeAndClear() async throws {
        let calls = Locked<[[Int]]>([])
        let squares = DataLoader<Int, Int> { keys in
            calls.withLock { $0.append(keys) }
            return keys.map { .success($0 * $0) }
        }
        squares.prime(10, 1000)
        let results = await squares.loadMany([2, 3, 10, 2])
        #expect(results.map { try? $0.get() } == [4, 9, 1000, 4])
        #expect(calls.withLock { $0 } == [[2, 3]])
        #expect(try await squares.load(3) == 9)
        squares.clear(3)
        #expect(try await squares.load(3) == 9)
        #expect(calls.withLock { $0 } == [[2, 3], [3]])
    }

    @Test func standaloneLoadsFromConcurrentTasksShareBatches() async throws {
        let calls = Locked<Int>(0)
        let loader = DataLoader<Int, String>(batchByKey: { keys in
            calls.withLock { $0 += 1 }
            return Dictionary(uniqueKeysWithValues: keys.filter { $0 != 13 }.map { ($0, "v\($0)") })
        })
        let values = await withTaskGroup(of: (Int, String?).self) { group in
            for key in 0..<20 { group.addTask { (key, try? await loader.load(key)) } }
            var found: [Int: String?] = [:]
            for await (key, value) in group { found[key] = value }
            return found
        }
        #expect(values.count == 20)
        #expect(values[13]! == nil)
        #expect(values[7]! == "v7")
        #expect(calls.withLock { $0 } >= 1 && calls.withLock { $0 } <= 20)
    }

    @Test func aBatchFunctionThatFailsFailsEveryKey() async {
        struct Down: Error {}
        let loader = DataLoader<Int, Int>(batch: { _ in throw Down() })
        let results = await loader.loadMany([1, 2])
        #expect(results.allSatisfy { if case .failure(let error) = $0 { return error is Down } else { return false } })
        let wrongCount = DataLoader<Int, Int> { _ in [.success(1)] }
        let outcome = await wrongCount.loadMany([1, 2])
        #expect(outcome.allSatisfy { if case .failure(let error) = $0 { return error is DataLoaderError } else { return false } })
    }
}

/// A resolver that loads several keys from concurrent child tasks of its own (`async let`):
/// the loads complete (possibly in more than one batch), never hang.
@Suite struct DataLoaderChildTaskTests {
    @Test(.timeLimit(.minutes(1))) func concurrentLoadsInsideOneResolverComplete() async throws {
        var resolvers = Resolvers<DataLoader<Int, Int>>()
        resolvers.query { query in
            query.field("sum") { (_: FieldArguments, loader: DataLoader<Int, Int>) async throws -> Int in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for key in 1...8 {
                        group.addTask {
                            try await Task.sleep(nanoseconds: UInt64(key) * 200_000)
                            return try await loader.load(key)
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
            query.field("other") { (_: FieldArguments, loader: DataLoader<Int, Int>) async throws -> Int in try await loader.load(4) }
        }
        let executable = try ExecutableSchema<DataLoader<Int, Int>>(sdl: "type Query { sum: Int other: Int }", resolvers: resolvers)
        for _ in 0..<10 {
            let loader = DataLoader<Int, Int> { keys in
                try await Task.sleep(nanoseconds: 2_000_000)
                return keys.map { .success($0 * 10) }
            }
            let response = await executable.execute(GraphQLRequest(query: "{ sum other }"), context: loader)
            #expect(response.dataValue == ["sum": 360, "other": 40])
        }
    }
}
