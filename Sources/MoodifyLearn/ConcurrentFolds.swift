import Foundation

/// The number of folds `crossValidate` trains at once (see its `jobs`).
func foldJobs(_ jobs: Int?, folds: Int, sharedCallbacks: Bool) throws -> Int {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    guard let jobs else { return sharedCallbacks ? 1 : max(1, min(cores, folds)) }
    guard jobs != 0 else { throw LearnError.invalidArgument("jobs must not be 0 (1 trains one fold at a time, nil or −1 uses every core)") }
    let count = max(1, min(jobs > 0 ? jobs : cores + 1 + jobs, folds))
    guard count == 1 || !sharedCallbacks else {
        throw LearnError.invalidArgument("folds trained at once need callbacks of their own: make them in configureFold, or use jobs 1")
    }
    return count
}

/// Trains `count` folds, at most `jobs` at a time, each on a thread of its own, with its inner loops serial while other
/// folds train (a fold left alone at the end splits them over the cores again, with the same results). The calling
/// thread prepares each fold when a thread is free (so `prepare`, which may call code that is not thread-safe, runs on
/// it alone, in fold order) and reports finished folds in fold order. After a failure, folds still training stop before
/// their next epoch, and the failure of the lowest fold is thrown once they have all ended.
func trainConcurrently(count: Int, jobs: Int, prepare: (Int) throws -> PreparedFold, foldStart: ((Int) -> Void)?,
                       report: (Int, (result: FoldResult, model: Sequential)) -> Void) throws {
    let board = FoldBoard()
    // The callbacks of the folds training, held so that their addresses are not reused while they are compared.
    var next = 0, reported = 0, running: [Int: [any Callback]] = [:]
    var finished: [Int: (result: FoldResult, model: Sequential)] = [:]
    var failure: (fold: Int, error: any Error)?
    func fail(_ fold: Int, _ error: any Error) {
        board.cancel()
        if error is FoldCancelled { return }
        if failure == nil || fold < failure!.fold { failure = (fold, error) }
    }
    foldStart?(0)
    while true {
        while failure == nil, running.count < jobs, next < count {
            do {
                var fold = try prepare(next)
                let callbacks = Set(fold.options.callbacks.map { ObjectIdentifier($0) })
                if let other = running.first(where: { $0.value.contains { callbacks.contains(ObjectIdentifier($0)) } })?.key {
                    throw LearnError.invalidArgument("folds \(other + 1) and \(next + 1) share a callback object; folds trained at once need their own")
                }
                fold.options.callbacks.append(CancellationCheck(board))
                fold.options.progressLabel = "Fold \(next + 1)"
                running[next] = fold.options.callbacks
                board.start(next, fold)
            } catch {
                fail(next, error)
            }
            next += 1
        }
        guard !running.isEmpty else { break }
        let (fold, outcome) = board.waitForNext()
        running[fold] = nil
        switch outcome {
        case .success(let trained): finished[fold] = trained
        case .failure(let error): fail(fold, error)
        }
        guard failure == nil else { continue }
        while let trained = finished.removeValue(forKey: reported) {
            report(reported, trained)
            reported += 1
            if reported < count { foldStart?(reported) }
        }
    }
    if let failure { throw failure.error }
}

/// Thrown by a fold stopped because another one failed.
private struct FoldCancelled: Error {}

/// Stops a concurrent fold before its next epoch once another fold has failed.
private final class CancellationCheck: Callback {
    private let board: FoldBoard

    /// A check of `board`'s cancellation.
    init(_ board: FoldBoard) {
        self.board = board
    }

    /// Throws `FoldCancelled` once the board is cancelled.
    func epochBegin(_ epoch: Int, _ training: TrainingContext) throws {
        if board.isCancelled { throw FoldCancelled() }
    }
}

/// The folds' threads and what they hand back: each started fold is used by its thread alone until it posts its
/// outcome, which only the calling thread then reads. Every stored property is guarded by `condition`.
private final class FoldBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcomes: [(fold: Int, outcome: Result<(result: FoldResult, model: Sequential), any Error>)] = []
    private var cancelled = false
    private var training = 0

    /// Whether `cancel` was called.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Makes the folds still training stop before their next epoch.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.unlock()
    }

    /// Whether more than one fold is training.
    private var isCrowded: Bool {
        condition.lock()
        defer { condition.unlock() }
        return training > 1
    }

    /// Trains `prepared` on a new thread, with its inner loops serial while other folds train, and posts the outcome.
    func start(_ fold: Int, _ prepared: PreparedFold) {
        let job = UncheckedSendable(prepared)
        condition.lock()
        training += 1
        condition.unlock()
        let thread = Thread { [self] in
            let outcome = Result { try Parallel.withCrowding(Crowding { self.isCrowded }) { try job.value.train() } }
            condition.lock()
            training -= 1
            outcomes.append((fold, outcome))
            condition.signal()
            condition.unlock()
        }
        thread.start()
    }

    /// Waits for a fold to end and returns its outcome.
    func waitForNext() -> (fold: Int, outcome: Result<(result: FoldResult, model: Sequential), any Error>) {
        condition.lock()
        defer { condition.unlock() }
        while outcomes.isEmpty { condition.wait() }
        return outcomes.removeFirst()
    }
}
