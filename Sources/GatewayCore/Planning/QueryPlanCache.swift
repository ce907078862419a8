import GraphQLKit
import NIOConcurrencyHelpers

/// Plans by (query text, operation name, active progressive-override labels), so a repeated
/// operation is parsed, validated against the API schema and planned once per label set (at
/// most 2^k plans for k labels). Bounded: when full, the oldest half is dropped.
final class QueryPlanCache: Sendable {
    private struct Key: Hashable {
        var query: String
        var operationName: String?
        var labels: ActiveOverrideLabels
    }

    private let capacity: Int
    private let entries = NIOLockedValueBox<(plans: [Key: Result<QueryPlan, QueryPlanningFailure>], order: [Key])>(([:], []))

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached plan (or planning error) for the operation, computing it on a miss.
    func plan(query: String, operationName: String?, labels: ActiveOverrideLabels = .none, planner: QueryPlanner) -> Result<QueryPlan, QueryPlanningFailure> {
        let key = Key(query: query, operationName: operationName, labels: labels)
        if let cached = entries.withLockedValue({ $0.plans[key] }) { return cached }
        let result: Result<QueryPlan, QueryPlanningFailure>
        do {
            let document = try Parser.parse(query)
            let errors = validate(schema: planner.supergraph.apiSchema, document: document)
            if errors.isEmpty {
                result = .success(try planner.plan(document: document, operationName: operationName, labels: labels))
            } else {
                result = .failure(QueryPlanningFailure(errors: errors))
            }
        } catch {
            result = .failure(QueryPlanningFailure(errors: [error]))
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

/// Why an operation cannot be planned: syntax, validation or planning errors.
public struct QueryPlanningFailure: Error, Sendable {
    public var errors: [GraphQLError]
}
