import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Moodify
import MoodifyAudio
import Synchronization
import Testing
@testable import MoodifyWeb

/// The fake predictor's answer, but each prediction waits until the test opens the gate; counts how many overlap.
final class GatedPredictor: EmotionPredicting {
    private let gate = DispatchSemaphore(value: 0)
    private let running = Mutex((now: 0, most: 0, started: 0))

    var modelDescription: ModelDescription { FakePredictor().modelDescription }

    func predict(_ audio: AudioBuffer) throws -> Prediction {
        running.withLock { $0.now += 1; $0.most = max($0.most, $0.now); $0.started += 1 }
        gate.wait()
        running.withLock { $0.now -= 1 }
        return try FakePredictor().predict(audio)
    }

    /// Lets `count` waiting or future predictions finish.
    func open(_ count: Int) { for _ in 0..<count { gate.signal() } }

    /// Predictions started so far, and the most that ever ran at the same time.
    var counts: (started: Int, most: Int) { running.withLock { ($0.started, $0.most) } }
}

/// Polls `condition` every 10 ms for up to 10 s (a loaded machine may be slow to start a thread).
func eventually(_ condition: () -> Bool) async throws -> Bool {
    for _ in 0..<1000 {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

@Suite("Prediction pool", .timeLimit(.minutes(1)))
struct PredictionPoolTests {
    @Test("predictions run at most `predictionThreads` at a time, wait in line, and beyond the line get 503 at once")
    func boundedConcurrency() async throws {
        let gated = GatedPredictor()
        let services = try testServices(gated, limits: WebLimits(predictionThreads: 1, maxWaitingPredictions: 1))
        let wav = try wavBytes(seconds: 1)
        try await withApp(services) { client in
            async let first = client.predict(wav)
            #expect(try await eventually { gated.counts.started == 1 })
            async let second = client.predict(wav)
            #expect(try await eventually { services.pool.admittedCount == 2 })
            let refused = try await client.predict(wav)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(refused.errorMessage == "The server is busy analysing other recordings; try again in a moment.")
            #expect(gated.counts.started == 1)
            gated.open(2)
            #expect(try await first.status == .ok)
            #expect(try await second.status == .ok)
        }
        #expect(gated.counts.started == 2)
        #expect(gated.counts.most == 1)
        #expect(services.pool.admittedCount == 0)
    }

    @Test("two threads run two predictions side by side")
    func parallel() async throws {
        let gated = GatedPredictor()
        let services = try testServices(gated, limits: WebLimits(predictionThreads: 2, maxWaitingPredictions: 0))
        let wav = try wavBytes(seconds: 1)
        try await withApp(services) { client in
            async let first = client.predict(wav)
            async let second = client.predict(wav)
            let bothStarted = try await eventually { gated.counts.started == 2 }
            #expect(bothStarted)
            gated.open(2)
            let answers = try await [first, second]
            #expect(answers.map(\.status) == [.ok, .ok])
        }
        #expect(gated.counts.most == 2)
    }
}
