/// Which progressive-override labels (`@join__field(overrideLabel:)`) are active for one
/// request: bit `i` stands for ``Supergraph/overrideLabels``[i]. Part of the plan cache key, so
/// an operation has at most 2^k cached plans for k labels in the supergraph.
public struct ActiveOverrideLabels: Hashable, Sendable {
    private var words: [UInt64] = []

    /// No label active (every progressive override still resolved by its source subgraph).
    public static let none = ActiveOverrideLabels()

    public init() {}

    /// The labels `names` of `supergraph` active, the others not (unknown names are ignored).
    public init(_ names: some Sequence<String>, in supergraph: Supergraph) {
        for name in names {
            if let index = supergraph.overrideLabelIndex[name] { insert(index) }
        }
    }

    mutating func insert(_ index: Int) {
        let word = index / 64
        while words.count <= word { words.append(0) }
        words[word] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        let word = index / 64
        return word < words.count && words[word] & (1 << UInt64(index % 64)) != 0
    }

    /// The active labels' names, in the supergraph's order.
    public func names(in supergraph: Supergraph) -> [String] {
        supergraph.overrideLabels.indices.filter(contains).map { supergraph.overrideLabels[$0] }
    }
}

/// Decides per request which progressive-override labels are active: `percent(x)` by a random
/// draw per request and label (active with probability x/100), any other label when it is in
/// ``enabledLabels`` (configured with `GATEWAY_OVERRIDE_LABELS`).
public struct OverrideLabelPolicy: Sendable {
    /// Custom labels switched on; a `percent(x)` listed here is always on.
    public var enabledLabels: Set<String>
    /// A number in `0..<100` drawn once per request and `percent` label.
    public var draw: @Sendable () -> Double

    public init(enabledLabels: Set<String> = [], draw: @escaping @Sendable () -> Double = { Double.random(in: 0..<100) }) {
        self.enabledLabels = enabledLabels
        self.draw = draw
    }

    /// The labels of `supergraph` active for one request.
    public func activeLabels(in supergraph: Supergraph) -> ActiveOverrideLabels {
        var active = ActiveOverrideLabels()
        for (index, label) in supergraph.overrideLabels.enumerated() {
            if enabledLabels.contains(label) {
                active.insert(index)
            } else if let percent = supergraph.overridePercentages[index], percent > 0, percent >= 100 || draw() < percent {
                active.insert(index)
            }
        }
        return active
    }
}
