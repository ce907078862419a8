/// Exponential back-off with jitter: attempt n waits a random time between half and all of
/// `initial × 2^(n-1)`, capped at `maximum`, so retrying consumers do not move in lockstep.
enum Backoff {
    static func delay(attempt: Int, initial: Duration, maximum: Duration) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(initial * (1 << exponent), maximum)
        let nanoseconds = max(ceiling.nanosecondsClamped, 2)
        return .nanoseconds(nanoseconds / 2 + Int64.random(in: 0...(nanoseconds / 2)))
    }
}
