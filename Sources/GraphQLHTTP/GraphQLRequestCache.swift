import NIOConcurrencyHelpers

/// A bounded, thread-safe map from a request's raw bytes to what was derived from them (an
/// object: the cache is not generic over it, so its dictionary code is specialized here rather
/// than run through generic witnesses from the endpoint's generic code).
///
/// Two generations approximate least-recently-used eviction without per-hit bookkeeping: new
/// entries go into the current generation; when it holds `capacity / 2` entries it becomes the
/// previous one (the old previous one is dropped). A hit in the previous generation moves the
/// entry forward. A hit costs one lock and one hash of the key.
final class GraphQLRequestCache<Key: Hashable & Sendable>: Sendable {
    typealias Value = AnyObject & Sendable

    private struct Generations {
        var current: [Key: Value] = [:]
        var previous: [Key: Value] = [:]
    }

    private let generations = NIOLockedValueBox(Generations())
    private let generationSize: Int

    /// A cache keeping at most `capacity` entries (0 disables it).
    init(capacity: Int) {
        self.generationSize = max(0, capacity / 2)
    }

    /// The value cached for `key`, if any.
    func value(for key: Key) -> Value? {
        guard generationSize > 0 else { return nil }
        return generations.withLockedValue { generations in
            if let value = generations.current[key] { return value }
            guard let value = generations.previous.removeValue(forKey: key) else { return nil }
            Self.insert(key, value, into: &generations, generationSize: generationSize)
            return value
        }
    }

    /// Stores `value` for `key`.
    func store(_ value: Value, for key: Key) {
        guard generationSize > 0 else { return }
        generations.withLockedValue { Self.insert(key, value, into: &$0, generationSize: generationSize) }
    }

    private static func insert(_ key: Key, _ value: Value, into generations: inout Generations, generationSize: Int) {
        if generations.current.count >= generationSize {
            generations.previous = generations.current
            generations.current = [:]
            generations.current.reserveCapacity(generationSize)
        }
        generations.current[key] = value
    }
}
