import Dispatch
import Foundation

/// Splits large loops into one chunk per core. Chunk boundaries depend only on the sizes and the core
/// count, and partial results are combined in chunk order, so results are repeatable on a given machine.
enum Parallel {
    /// The number of chunks large work is split into: the active cores, at most 8.
    static let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// The key of the thread-specific `Crowding` set by `withCrowding`.
    private static let crowdingKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body` with `crowding` as this thread's check: while it answers true (other jobs are running beside this
    /// one, e.g. other folds of a cross-validation), chunks run one after another on this thread, with the same
    /// boundaries, so results do not change.
    static func withCrowding<R>(_ crowding: Crowding, _ body: () throws -> R) rethrows -> R {
        let previous = pthread_getspecific(crowdingKey)
        pthread_setspecific(crowdingKey, Unmanaged.passUnretained(crowding).toOpaque())
        defer { pthread_setspecific(crowdingKey, previous) }
        return try withExtendedLifetime(crowding) { try body() }
    }

    /// Whether this thread's job runs beside others now.
    private static var crowded: Bool {
        guard let check = pthread_getspecific(crowdingKey) else { return false }
        return Unmanaged<Crowding>.fromOpaque(check).takeUnretainedValue().isCrowded()
    }

    /// The number of chunks `count` items make with at least `minimum` per chunk.
    static func chunks(_ count: Int, minimum: Int) -> Int {
        max(1, min(width, count / max(minimum, 1)))
    }

    /// The `index`th of `parts` consecutive ranges covering `0..<count`.
    private static func chunk(_ index: Int, of parts: Int, count: Int) -> Range<Int> {
        (index * count / parts)..<((index + 1) * count / parts)
    }

    /// Calls `body(chunk, range)` for `chunks(count, minimum)` consecutive ranges covering `0..<count`,
    /// concurrently when there is more than one (in order on this thread while `crowded`).
    static func forChunks(_ count: Int, minimum: Int, _ body: (_ chunk: Int, _ range: Range<Int>) -> Void) {
        let parts = chunks(count, minimum: minimum)
        guard parts > 1 else {
            body(0, 0..<count)
            return
        }
        if crowded {
            for i in 0..<parts { body(i, chunk(i, of: parts, count: count)) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { i in
                task.value(i, chunk(i, of: parts, count: count))
            }
        }
    }

    /// Calls `body` on consecutive ranges covering `0..<count` (see `forChunks`).
    static func forRanges(_ count: Int, minimum: Int = 65_536, _ body: (Range<Int>) -> Void) {
        forChunks(count, minimum: minimum) { _, range in body(range) }
    }

    /// Adds to `sums` (width values) the per-column totals that `body` accumulates for row ranges of
    /// `0..<rows` into the zeroed partial buffer it is given; partials are added in chunk order.
    static func columnSums(rows: Int, width: Int, minimum: Int, into sums: UnsafeMutablePointer<Float>,
                           _ body: (_ range: Range<Int>, _ partial: UnsafeMutablePointer<Float>) -> Void) {
        let parts = chunks(rows, minimum: minimum)
        guard parts > 1 else {
            body(0..<rows, sums)
            return
        }
        var partials = [Float](repeating: 0, count: parts * width)
        partials.withUnsafeMutableBufferPointer { p in
            let base = p.baseAddress!
            forChunks(rows, minimum: minimum) { chunk, range in body(range, base + chunk * width) }
            for chunk in 0..<parts { VectorKernels.add(base + chunk * width, into: sums, count: width) }
        }
    }
}

/// Tells a job's thread whether other jobs run beside it (see `Parallel.withCrowding`).
final class Crowding: Sendable {
    /// Answers whether other jobs are running now.
    let isCrowded: @Sendable () -> Bool

    /// A check asking `isCrowded`.
    init(_ isCrowded: @escaping @Sendable () -> Bool) {
        self.isCrowded = isCrowded
    }
}

/// Carries a value into a concurrent closure; used only where the callers split the work into disjoint parts.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
