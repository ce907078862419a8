import Foundation

/// `suite-run` arguments (see `infra/run --help`).
struct RunnerOptions {
    var dataDirectory = "infra/.data/postgres"
    var binaryDirectory: String
    var demo = false
    var services = ["identity", "learning", "gateway"]
    var exitWhenReady = false

    static let usage = """
        usage: infra/run [--demo] [--data DIR] [--bin DIR] [--services identity,learning,gateway] [--exit-when-ready]
          --demo             load demo data (users, a tutor, a course, a lesson) once everything is ready
          --data DIR         the PostgreSQL cluster folder (default infra/.data/postgres; kept across runs)
          --bin DIR          where the service executables are (default: beside suite-run)
          --services LIST    which to start, in order (default identity,learning,gateway)
          --exit-when-ready  stop everything again once ready (a smoke check)
        """

    init(arguments: [String]) throws {
        binaryDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--demo": demo = true
            case "--exit-when-ready": exitWhenReady = true
            case "--data": dataDirectory = try Self.value(&iterator, argument)
            case "--bin": binaryDirectory = try Self.value(&iterator, argument)
            case "--services": services = try Self.value(&iterator, argument).split(separator: ",").map(String.init)
            case "-h", "--help": throw UsageError(message: Self.usage)
            default: throw UsageError(message: "unknown argument \(argument)\n" + Self.usage)
            }
        }
    }

    static func value(_ iterator: inout IndexingIterator<ArraySlice<String>>, _ name: String) throws -> String {
        guard let value = iterator.next() else { throw UsageError(message: "\(name) needs a value") }
        return value
    }
}

/// A command-line mistake (printed, exit status 2).
struct UsageError: Error {
    var message: String
}
