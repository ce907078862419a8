import Foundation

/// Command-line options of `event-benchmarks`.
struct Settings {
    var rate = 200
    var duration = 60
    var baselineDuration = 20
    var runs = 3
    var durable = true

    static let usage = """
        usage: event-benchmarks [--rate USERS_PER_SECOND] [--duration SECONDS] [--baseline-duration SECONDS]
                                [--runs N] [--no-fsync]
          --rate               new users per second, each in its own producer transaction (default 200)
          --duration           seconds of load per EventKit measurement (default 60)
          --baseline-duration  seconds of the same load for the NOTIFY baseline (default 20)
          --runs               measurements; the report gives each and the medians (default 3)
          --no-fsync           run the cluster without fsync/synchronous_commit (default: durable commits)
        """

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            func number() -> Int {
                guard let text = iterator.next(), let value = Int(text), value > 0 else {
                    FileHandle.standardError.write(Data("\(argument) needs a positive whole number\n".utf8))
                    exit(2)
                }
                return value
            }
            switch argument {
            case "--rate": rate = number()
            case "--duration": duration = number()
            case "--baseline-duration": baselineDuration = number()
            case "--runs": runs = number()
            case "--no-fsync": durable = false
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n\(Self.usage)\n".utf8))
                exit(2)
            }
        }
    }
}
