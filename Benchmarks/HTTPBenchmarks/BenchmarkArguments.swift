/// `command --name value ...` parsing for the benchmark executable.
struct BenchmarkArguments {
    var command: String
    private var options: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        self.command = arguments.first ?? ""
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            guard name.hasPrefix("--") else { continue }
            self.options[String(name.dropFirst(2))] = rest.popFirst() ?? ""
        }
    }

    func string(_ name: String, default value: String) -> String {
        self.options[name] ?? value
    }

    func int(_ name: String, default value: Int) -> Int {
        self.options[name].flatMap { Int($0) } ?? value
    }
}
