import Synchronization

/// The scratch stacks a parse collects selections and arguments on (see ``NodeStack``), kept
/// from one parse to the next: parsing a small document would otherwise spend a noticeable
/// share of its time allocating and freeing them.
///
/// One set is kept process-wide and handed over with atomic exchanges, so whoever takes it owns
/// it exclusively until it is given back; concurrent parses that find no spare set make their own.
final class ParserScratch {
    let selections = NodeStack<Selection>()
    let arguments = NodeStack<Argument>()

    /// The spare set's address (a retained `Unmanaged` reference), or 0.
    private static let spare = Atomic<UInt>(0)

    /// Stacks that grew past this many elements are not kept (a huge document's scratch space
    /// is given back to the allocator).
    private static let largestKeptCapacity = 1024

    /// The spare set if there is one, else a new one.
    static func take() -> ParserScratch {
        if let raw = UnsafeRawPointer(bitPattern: spare.exchange(0, ordering: .acquiring)) {
            return Unmanaged<ParserScratch>.fromOpaque(raw).takeRetainedValue()
        }
        return ParserScratch()
    }

    /// Gives `scratch` back (emptied) as the spare set, unless another set is already there.
    static func recycle(_ scratch: ParserScratch) {
        // A failed parse leaves its partial lists on the stacks.
        scratch.selections.removeAll()
        scratch.arguments.removeAll()
        guard scratch.selections.capacity <= largestKeptCapacity, scratch.arguments.capacity <= largestKeptCapacity else { return }
        let retained = Unmanaged.passRetained(scratch)
        if !spare.compareExchange(expected: 0, desired: UInt(bitPattern: retained.toOpaque()), ordering: .releasing).exchanged {
            retained.release()
        }
    }
}
