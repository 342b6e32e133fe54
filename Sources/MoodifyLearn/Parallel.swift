import Dispatch
import Foundation

/// Splits memory-bound loops over the machine's cores (at most a few chunks, each large).
enum Parallel {
    /// The number of chunks to split work into.
    static let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// Calls `body` on consecutive ranges covering `0..<count`, concurrently when `count` is at least
    /// `minimum` per chunk; range bounds are multiples of `alignment`.
    static func forRanges(_ count: Int, minimum: Int = 65_536, alignment: Int = 8, _ body: (Range<Int>) -> Void) {
        let chunks = min(width, count / max(minimum, 1))
        guard chunks > 1 else {
            body(0..<count)
            return
        }
        let step = (count / chunks + alignment - 1) / alignment * alignment
        withoutActuallyEscaping(body) { body in
            let task = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { i in
                let start = i * step, end = i == chunks - 1 ? count : min(count, (i + 1) * step)
                if start < end { task.value(start..<end) }
            }
        }
    }
}

/// Carries a value into a concurrent closure; used only where the callers split the work into disjoint parts.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
