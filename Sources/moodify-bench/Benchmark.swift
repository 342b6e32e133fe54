import Foundation

/// One measured quantity, printed as a JSON line that `Scripts/bench` pairs with the Python original's figure of the same name.
struct Measurement: Codable {
    /// Stable name shared with the Python side, e.g. "features.method1.per_clip".
    var name: String
    /// Seconds (or the unit named in `unit`) per item.
    var value: Double
    /// What `value` counts, e.g. "s/clip", "s/epoch", "MB".
    var unit: String
    /// Free-form detail: sample size, threads, etc.
    var note: String = ""

    /// Prints the measurement as one JSON line on standard output.
    func emit() {
        let data = try! JSONEncoder().encode(self)
        print(String(decoding: data, as: UTF8.self))
    }
}

/// A named group of measurements for one area of Moodify.
struct BenchmarkSuite: Sendable {
    /// The name `moodify-bench NAME` selects.
    var name: String
    /// Whether the suite runs only when named (another suite runs it in a process of its own).
    var onlyWhenNamed = false
    /// Runs the measurements; `corpus` is the folder of real clips.
    var run: @Sendable (_ corpus: String) throws -> Void
}

/// Why a benchmark could not finish.
enum BenchError: Error, CustomStringConvertible {
    /// A suite run as a child process exited with a failure status.
    case childFailed(suite: String, status: Int32)

    /// One sentence for the user.
    var description: String {
        switch self {
        case let .childFailed(suite, status): "the child process running suite \(suite) exited with status \(status)"
        }
    }
}

/// Wall-clock seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
