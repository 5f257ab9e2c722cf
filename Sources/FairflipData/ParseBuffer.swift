#if canImport(Glibc)
import Glibc
#endif

/// Memory for a fixed number of plain values, allocated once and freed with its owner: the CSV
/// parser's output (the file's bytes, the typed columns, the field positions).
///
/// Several threads fill disjoint ranges of one buffer at offsets known in advance, which an
/// `Array` cannot offer without a copy afterwards; the memory is left uninitialised (pages a
/// parse does not reach are never touched), so only what is written may be read. After the
/// parse the buffer is only read, which is what makes it `Sendable`.
final class ParseBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer(malloc(max(1, capacity) * MemoryLayout<Element>.stride)!)
            .bindMemory(to: Element.self, capacity: max(1, capacity))
    }

    /// A buffer holding a copy of `values`.
    convenience init(copying values: [Element]) {
        self.init(capacity: values.count)
        values.withUnsafeBufferPointer { b in
            if let source = b.baseAddress { base.initialize(from: source, count: b.count) }
        }
    }

    deinit { free(base) }
}
