#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a thread whose 16 MiB stack is painted with a byte pattern and returns how
/// many bytes of it `body` touched: the stack the work really needs.
func stackBytesUsed(_ body: @escaping () -> Void) -> Int {
    let size = 16 << 20
    let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
    defer { memory.deallocate() }
    memory.initializeMemory(as: UInt8.self, repeating: 0xA5, count: size)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstack(&attributes, memory, size)
    final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
    let work = Unmanaged.passRetained(Work(body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(&thread, &attributes, { argument in
        guard let argument else { return nil }
        Unmanaged<Work>.fromOpaque(argument).takeRetainedValue().body()
        return nil
    }, work)
    precondition(created == 0, "pthread_create failed: \(created)")
    pthread_join(thread, nil)
    let bytes = memory.assumingMemoryBound(to: UInt8.self)
    var untouched = 0
    while untouched < size && bytes[untouched] == 0xA5 { untouched += 1 }
    return size - untouched
}
