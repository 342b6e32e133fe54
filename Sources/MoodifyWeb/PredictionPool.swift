import NIOPosix
import Synchronization

/// Runs the CPU-heavy part of each prediction (decoding, features, network) on a few threads of its own, off the
/// event loops and off Swift's cooperative pool, so that reading requests and writing answers never wait behind it.
/// At most `threads` predictions run at once; when `maxWaiting` more already wait, further requests are turned
/// away with 503 rather than queued without bound.
public final class PredictionPool: Sendable {
    /// How many predictions run at the same time (one per core: the work is CPU-bound).
    public let threads: Int
    /// How many predictions may wait for a thread before new requests get 503.
    public let maxWaiting: Int
    private let pool: NIOThreadPool
    /// Predictions running or waiting.
    private let admitted = Atomic<Int>(0)

    /// A started pool of `threads` threads (at least one) that lets `maxWaiting` predictions wait.
    public init(threads: Int, maxWaiting: Int) {
        self.threads = max(1, threads)
        self.maxWaiting = max(0, maxWaiting)
        pool = NIOThreadPool(numberOfThreads: self.threads)
        pool.start()
    }

    deinit { pool.shutdownGracefully { _ in } }

    /// Predictions running or waiting right now.
    var admittedCount: Int { admitted.load(ordering: .relaxed) }

    /// Runs `work` on one of the pool's threads and returns its result, or throws `WebError.busy` at once when
    /// `threads + maxWaiting` predictions are already admitted.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let count = admitted.wrappingAdd(1, ordering: .relaxed).newValue
        defer { admitted.wrappingSubtract(1, ordering: .relaxed) }
        guard count <= threads + maxWaiting else { throw WebError.busy }
        return try await pool.runIfActive(work)
    }
}
