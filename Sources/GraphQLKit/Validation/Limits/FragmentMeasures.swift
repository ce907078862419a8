/// What a limit rule measures for each named fragment (its aliases, depth, cost, root fields),
/// computed once per fragment however often it is spread. A fragment that spreads itself,
/// directly or through others, measures 0 where it recurs (NoFragmentCyclesRule reports it).
final class FragmentMeasures {
    private var measured: [String: Int] = [:]
    private var visiting: Set<String> = []

    /// Forgets every measure (for a rule whose measure depends on the operation).
    func reset() {
        measured = [:]
        visiting = []
    }

    /// The measure of fragment `name`, from `compute` the first time; 0 for an unknown fragment
    /// or a fragment already being measured.
    func measure(_ name: String, _ context: ValidationContext, _ compute: (FragmentDefinition) -> Int) -> Int {
        if let known = measured[name] { return known }
        guard let fragment = context.fragment(name), visiting.insert(name).inserted else { return 0 }
        let result = compute(fragment)
        visiting.remove(name)
        measured[name] = result
        return result
    }
}
