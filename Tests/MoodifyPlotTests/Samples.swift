import Foundation
@testable import MoodifyPlot

/// Fixed, deterministic chart data for the tests (no random generator: closed-form curves).
enum Samples {
    static let emotions = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]
    static let longNames = ["Anger (very loud)", "Disgust and contempt", "Fear", "Happiness, joy and delight",
                            "Neutral", "Sadness"]

    /// A six-class confusion matrix shaped like the original's hold-out results.
    static let confusion: [[Int]] = [
        [201, 12, 8, 25, 3, 2],
        [14, 130, 20, 10, 38, 33],
        [9, 18, 140, 12, 20, 46],
        [30, 15, 14, 160, 25, 7],
        [4, 30, 12, 20, 150, 30],
        [1, 26, 40, 5, 28, 150],
    ]

    /// Learning curves over `epochs` epochs that rise (accuracy) and fall (loss), with a wobble set by `seed`.
    static func curves(epochs: Int, seed: Double) -> TrainingCurves {
        let e = (0..<epochs).map(Double.init)
        let accuracy: [Double] = e.map { 0.3 + 0.55 * (1 - exp(-$0 / 20)) }
        let validationAccuracy: [Double] = e.map { x in
            let rise: Double = 0.3 * (1 - exp(-x / 15))
            return 0.3 + rise + 0.02 * sin(x + seed)
        }
        let loss: [Double] = e.map { 0.4 + 1.4 * exp(-$0 / 18) }
        let validationLoss: [Double] = e.map { x in
            let fall: Double = 0.8 * exp(-x / 12)
            let wobble: Double = 0.03 * cos(x * 0.7 + seed)
            return 1.0 + fall + 0.004 * x + wobble
        }
        return TrainingCurves(accuracy: accuracy, validationAccuracy: validationAccuracy, loss: loss,
                              validationLoss: validationLoss)
    }

    /// An n×n correlation-like matrix: 1 on the diagonal, smooth positive and negative blocks elsewhere.
    static func correlation(_ n: Int) -> [[Double]] {
        (0..<n).map { i in
            (0..<n).map { j -> Double in
                if i == j { return 1 }
                let distance = Double(abs(i - j))
                return 0.9 * cos(distance * 0.35) * exp(-2 * distance / Double(n))
            }
        }
    }

    /// Six clusters of points on a spiral-free grid of closed-form offsets.
    static func clusters(perClass: Int) -> ([SIMD2<Double>], [String]) {
        var points: [SIMD2<Double>] = []
        var classes: [String] = []
        for k in 0..<perClass {
            for (c, name) in emotions.enumerated() {
                let angle: Double = Double(c) / 6 * 2 * .pi
                let r: Double = 1.8 * sqrt(Double(k) / Double(perClass))
                let t: Double = Double(k) * 2.399963
                let x: Double = 3 * cos(angle) + r * cos(t)
                let y: Double = 2 * sin(angle) + r * sin(t)
                points.append(SIMD2(x, y))
                classes.append(name)
            }
        }
        return (points, classes)
    }

    /// A synthetic dB spectrogram (bins × frames) in −80…0 dB with harmonic ridges.
    static func melDB(bins: Int, frames: Int) -> [[Double]] {
        (0..<bins).map { b in
            (0..<frames).map { f in
                let ridge: Double = 0.5 + 0.5 * cos(Double(b) * 0.4 + Double(f) * 0.05)
                let fall: Double = Double(b) / Double(bins)
                let level: Double = -80 * fall * (1 - 0.6 * ridge) - 10 * sin(Double(f) * 0.1) - 5
                return max(-80, level)
            }
        }
    }
}
