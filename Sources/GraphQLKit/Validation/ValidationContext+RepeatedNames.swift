extension ValidationContext {
    /// Reports each name that appears more than once, in the order the names first appear,
    /// with the location of every occurrence: the check behind the uniqueness rules for
    /// arguments, argument definitions and variables.
    func reportRepeatedNames(_ names: some Collection<Name>, message: (String) -> String) {
        guard names.count > 1 else { return }
        var order: [String] = []
        var groups: [String: [Location?]] = [:]
        for name in names {
            if groups[name.value] == nil { order.append(name.value) }
            groups[name.value, default: []].append(name.location)
        }
        for name in order where groups[name]!.count > 1 {
            report(message(name), nodes: groups[name]!)
        }
    }
}
