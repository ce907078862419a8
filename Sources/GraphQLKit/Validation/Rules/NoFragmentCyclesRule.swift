/// Fragment Spreads Must Not Form Cycles (GraphQL specification 5.5.2.2). Walks the spread
/// graph with an explicit stack, so a long chain of fragments cannot overflow the thread's stack.
public final class NoFragmentCyclesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .enterFragmentDefinition]
    private var visited: Set<String> = []
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction { .skip }

    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction {
        detectCycles(from: node, context)
        return .skip
    }

    private struct Frame {
        var name: String
        var spreads: [FragmentSpread]
        var next: Int
    }

    private func detectCycles(from fragment: FragmentDefinition, _ context: ValidationContext) {
        guard visited.insert(fragment.name.value).inserted else { return }
        let rootSpreads = context.fragmentSpreads(fragment.selectionSet)
        guard !rootSpreads.isEmpty else { return }
        var spreadPath: [FragmentSpread] = []
        var pathIndex: [String: Int] = [fragment.name.value: 0]
        var frames = [Frame(name: fragment.name.value, spreads: rootSpreads, next: 0)]
        while let top = frames.last {
            if top.next == top.spreads.count {
                pathIndex[top.name] = nil
                frames.removeLast()
                if !frames.isEmpty { spreadPath.removeLast() }
                continue
            }
            let spread = top.spreads[top.next]
            frames[frames.count - 1].next += 1
            let spreadName = spread.name.value
            spreadPath.append(spread)
            if let cycleIndex = pathIndex[spreadName] {
                let cycle = spreadPath[cycleIndex...]
                let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                context.report("Cannot spread fragment \"\(spreadName)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                               nodes: cycle.map(\.location))
                spreadPath.removeLast()
                continue
            }
            if let next = context.fragment(spreadName), visited.insert(spreadName).inserted {
                let spreads = context.fragmentSpreads(next.selectionSet)
                if !spreads.isEmpty {
                    pathIndex[spreadName] = spreadPath.count
                    frames.append(Frame(name: spreadName, spreads: spreads, next: 0))
                    continue
                }
            }
            spreadPath.removeLast()
        }
    }
}
