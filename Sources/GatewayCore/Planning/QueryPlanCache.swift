import GraphQLKit
import NIOConcurrencyHelpers

/// Plans by (query text, operation name), so a repeated operation is parsed and planned once.
/// Bounded: when full, the oldest half is dropped.
final class QueryPlanCache: Sendable {
    private struct Key: Hashable {
        var query: String
        var operationName: String?
    }

    private let capacity: Int
    private let entries = NIOLockedValueBox<(plans: [Key: Result<QueryPlan, GraphQLError>], order: [Key])>(([:], []))

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached plan (or planning error) for the operation, computing it on a miss.
    func plan(query: String, operationName: String?, planner: QueryPlanner) -> Result<QueryPlan, GraphQLError> {
        let key = Key(query: query, operationName: operationName)
        if let cached = entries.withLockedValue({ $0.plans[key] }) { return cached }
        let result = Result { () throws(GraphQLError) -> QueryPlan in
            try planner.plan(document: try Parser.parse(query), operationName: operationName)
        }
        entries.withLockedValue { state in
            if state.plans[key] == nil {
                if state.order.count >= capacity {
                    let dropped = state.order.prefix(capacity / 2 + 1)
                    for old in dropped { state.plans[old] = nil }
                    state.order.removeFirst(dropped.count)
                }
                state.plans[key] = result
                state.order.append(key)
            }
        }
        return result
    }

    var count: Int { entries.withLockedValue { $0.plans.count } }
}
