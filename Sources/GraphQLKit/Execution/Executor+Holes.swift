// Asynchronous fields. An async resolver's position becomes a hole in the bytes being written;
// the executor awaits a pass's holes together, completes each into its own buffer (which may
// leave new holes), and finally splices every buffer into its hole. A non-null failure inside
// a hole nulls out the nearest nullable position around it, which may lie in an already
// written buffer: such positions are recorded as regions while they are written.

/// Where a non-null failure that escapes a buffer ends up.
enum NullTarget {
    /// The whole `data` becomes null.
    case data
    /// A nullable position written in some buffer.
    case region(Int)
    /// A hole's own (nullable) position.
    case hole(Int)
}

/// The bookkeeping of holes, buffers and regions for one execution.
struct HoleState {
    struct Hole {
        let field: FieldPlan
        let call: FieldCall
        let resolve: @Sendable (FieldCall) async throws -> ResolvedValue
        let path: [PathEntry]
        /// Where propagation goes when this (non-null) field fails.
        let nullTarget: NullTarget
        var cancelled = false
        /// The buffer holding the completed value (nil until completed, or when null).
        var content: Int?
        var nulled = false
    }

    struct Region {
        let start: Int
        var end = -1
        var nulled = false
    }

    struct Buffer {
        /// Set when the buffer's writing is done (until then the executor's output holds it).
        var bytes = ByteBuffer(capacity: 16)
        /// (offset, hole) in offset order.
        var slots: [(offset: Int, hole: Int)] = []
        var regions: [Int] = []
    }

    var holes: [Hole] = []
    var regions: [Region] = []
    /// Buffer 0 is the response's (created by the executor only when async resolvers exist).
    var buffers: [Buffer] = []
    /// The buffer being written.
    var current = 0
    /// Where a failure escaping the current buffer goes.
    var currentTarget: NullTarget = .data
    /// Nullable positions open in the current buffer: their start and, once a hole inside needs
    /// it, their region.
    var frames: [(start: Int, region: Int?)] = []
    /// Holes created and not yet awaited.
    var pending: [Int] = []
    var dataNulled = false

    mutating func enterNullable(at start: Int) {
        frames.append((start, nil))
    }

    mutating func leaveNullable(at end: Int) {
        let frame = frames.removeLast()
        if let region = frame.region { regions[region].end = end }
    }

    /// Holes and regions written at or after `start` in the current buffer are dropped.
    mutating func discard(from start: Int) {
        while let last = buffers[current].slots.last, last.offset >= start {
            holes[last.hole].cancelled = true
            buffers[current].slots.removeLast()
        }
        buffers[current].regions.removeAll { regions[$0].start >= start }
    }

    /// The target for propagation out of a non-null position written now.
    mutating func enclosingTarget() -> NullTarget {
        guard let top = frames.indices.last else { return currentTarget }
        if let region = frames[top].region { return .region(region) }
        let region = regions.count
        regions.append(Region(start: frames[top].start))
        buffers[current].regions.append(region)
        frames[top].region = region
        return .region(region)
    }
}

extension Executor {
    /// Leaves a hole at the current position for an async resolver.
    mutating func addHole(_ field: FieldPlan, call: FieldCall, resolve: @escaping @Sendable (FieldCall) async throws -> ResolvedValue) {
        let id = holes.holes.count
        if holes.buffers.isEmpty { holes.buffers = [HoleState.Buffer()] }
        // A nullable field absorbs its own failure; a non-null one passes it outward.
        let target: NullTarget = field.isNonNull ? holes.enclosingTarget() : .hole(id)
        holes.holes.append(HoleState.Hole(field: field, call: call, resolve: resolve, path: path, nullTarget: target))
        holes.buffers[holes.current].slots.append((output.count, id))
        holes.pending.append(id)
    }

    /// Awaits and completes holes until none is left.
    mutating func fillHoles() async {
        while !holes.pending.isEmpty {
            let wave = holes.pending.filter { !holes.holes[$0].cancelled && !isDiscarded($0) }
            holes.pending.removeAll()
            if wave.isEmpty { break }
            let results = await Self.run(wave.map { (holes.holes[$0].call, holes.holes[$0].resolve) })
            for (id, result) in zip(wave, results) where !holes.holes[id].cancelled {
                complete(hole: id, with: result)
            }
        }
    }

    /// Whether a hole's value can no longer appear (the whole data was nulled already).
    private func isDiscarded(_ id: Int) -> Bool {
        holes.dataNulled
    }

    /// Runs resolvers concurrently (inline when there is just one), in a batch the data
    /// loaders can see: loads issued while the batch runs are dispatched together.
    private static func run(_ calls: [(FieldCall, @Sendable (FieldCall) async throws -> ResolvedValue)]) async -> [Result<ResolvedValue, any Error>] {
        let batch = LoadBatch(running: calls.count)
        return await LoadBatch.$current.withValue(batch) {
            if calls.count == 1 {
                let (call, resolve) = calls[0]
                let result: Result<ResolvedValue, any Error>
                do { result = .success(try await resolve(call)) } catch { result = .failure(error) }
                batch.finished()
                return [result]
            }
            return await withTaskGroup(of: (Int, Result<ResolvedValue, any Error>).self) { group in
                for (index, (call, resolve)) in calls.enumerated() {
                    group.addTask {
                        await LoadBatch.$slot.withValue(index) {
                            let result: Result<ResolvedValue, any Error>
                            do { result = .success(try await resolve(call)) } catch { result = .failure(error) }
                            batch.finished()
                            return (index, result)
                        }
                    }
                }
                var results = [Result<ResolvedValue, any Error>](repeating: .success(.null), count: calls.count)
                for await (index, result) in group { results[index] = result }
                return results
            }
        }
    }

    /// Completes one hole's value into a new buffer.
    private mutating func complete(hole id: Int, with result: Result<ResolvedValue, any Error>) {
        let hole = holes.holes[id]
        // Switch to a fresh buffer for this hole's value.
        let saved = (output: output, current: holes.current, target: holes.currentTarget, frames: holes.frames, path: path)
        let buffer = holes.buffers.count
        holes.buffers.append(HoleState.Buffer())
        holes.current = buffer
        holes.currentTarget = hole.field.isNonNull ? hole.nullTarget : .hole(id)
        holes.frames = []
        output = ByteBuffer(capacity: 256)
        path = hole.path

        var failure: FieldFailure?
        switch result {
        case .success(let value): failure = complete(hole.field.completion, value, hole.field)
        case .failure(let error): failure = FieldFailure(located(error, hole.field))
        }
        if let failure {
            errors.append(failure.error)
            truncate(to: 0)
            propagate(to: holes.currentTarget)
        }
        holes.buffers[buffer].bytes = output
        holes.holes[id].content = buffer

        output = saved.output
        holes.current = saved.current
        holes.currentTarget = saved.target
        holes.frames = saved.frames
        path = saved.path
    }

    /// Nulls out a propagation target.
    private mutating func propagate(to target: NullTarget) {
        switch target {
        case .data: holes.dataNulled = true
        case .region(let region): holes.regions[region].nulled = true
        case .hole(let hole): holes.holes[hole].nulled = true
        }
    }

    /// Finishes a top-level failure that escaped the root buffer while holes exist.
    mutating func nullData() {
        holes.dataNulled = true
    }

    /// The final bytes: every buffer spliced into its hole, nulled positions as `null`.
    mutating func assemble() -> [UInt8]? {
        if holes.holes.isEmpty { return holes.dataNulled ? nil : output.bytes }
        holes.buffers[0].bytes = output
        if holes.dataNulled { return nil }
        var result = ByteBuffer(capacity: output.count * 2)
        emit(buffer: 0, into: &result)
        return result.bytes
    }

    private func emit(buffer id: Int, into result: inout ByteBuffer) {
        let buffer = holes.buffers[id]
        // Events in offset order: nulled regions (skip their bytes) and holes (splice).
        var nulled = buffer.regions.map { holes.regions[$0] }.filter(\.nulled).sorted { $0.start < $1.start }
        var cursor = 0
        var slotIndex = 0
        while true {
            let nextSlot = slotIndex < buffer.slots.count ? buffer.slots[slotIndex].offset : Int.max
            let nextRegion = nulled.first?.start ?? Int.max
            if nextSlot == Int.max && nextRegion == Int.max { break }
            if nextRegion <= nextSlot {
                let region = nulled.removeFirst()
                result.append(buffer.bytes, from: cursor, to: region.start)
                result.append(nullBytes)
                cursor = region.end
                while slotIndex < buffer.slots.count && buffer.slots[slotIndex].offset < cursor { slotIndex += 1 }
                nulled.removeAll { $0.start < cursor }
            } else {
                let slot = buffer.slots[slotIndex]
                slotIndex += 1
                result.append(buffer.bytes, from: cursor, to: slot.offset)
                cursor = slot.offset
                let hole = holes.holes[slot.hole]
                if hole.nulled || hole.content == nil {
                    result.append(nullBytes)
                } else {
                    emit(buffer: hole.content!, into: &result)
                }
            }
        }
        result.append(buffer.bytes, from: cursor, to: buffer.bytes.count)
    }
}
