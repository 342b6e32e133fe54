import Foundation
import Moodify
import MoodifyAudio
import MoodifyLearn
import Testing
@testable import MoodifyScript

/// The number a script value holds (nil or another kind records an issue and gives NaN).
private func number(_ value: Value?) -> Double {
    guard case .number(let x)? = value else { Issue.record("expected a number, got \(String(describing: value))"); return .nan }
    return x
}

@Suite struct EvaluationBuiltinsTests {
    /// `seconds` of a 220 Hz tone with harmonics after a short silence, at 22,050 Hz.
    private func tone(seconds: Double) -> AudioBuffer {
        let samples = (0..<Int(seconds * 22050)).map { i -> Float in
            let t = Double(i) / 22050
            return Float(0.3 * sin(2 * .pi * 220 * t) + 0.1 * sin(2 * .pi * 440 * t * (1 + seconds)))
        }
        return AudioBuffer(samples: [Float](repeating: 0, count: 4410) + samples, sampleRate: 22050)
    }

    @Test func evaluateScoresACorpusAndATableAsTheClassifierDoes() throws {
        let folder = try folderWithTinyModel("moodify-evaluate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/clips", withIntermediateDirectories: true)
        for (name, seconds) in [("1001_DFA_ANG_XX", 1.0), ("1001_DFA_SAD_XX", 1.4), ("1002_IEO_HAP_HI", 0.8)] {
            try tone(seconds: seconds).write(to: "\(folder)/clips/\(name).wav", format: .float32)
        }
        let expected = try EmotionClassifier(contentsOf: folder + "/tiny.mdfy").evaluate(try Corpus(path: folder + "/clips"), showsProgress: false)
        let i = Interpreter { _ in }
        let shown = try #require(try i.run("""
            e = evaluate("\(folder)/tiny.mdfy", corpus("\(folder)/clips"))
            t = evaluate(load_model("\(folder)/tiny.mdfy"), features("\(folder)/clips", set: "method2", cache: false))
            e
            """).map(Display.show))
        #expect(shown == expected.summary + "\n" + expected.report.text)
        #expect(try i.run("[e.accuracy, e.macro_f1, e.uar, e.report, len(e)]")
                == [.number(expected.accuracy), .number(expected.macroF1), .number(expected.uar), .string(expected.report.text), .number(3)])
        #expect(try i.run("e.confusion") == .matrix(Matrix(rowArrays: expected.confusion.map { $0.map(Float.init) })))
        #expect(try i.run("e.ece") == .number(try expectedCalibrationError(expected.actualClassCodes!, expected.probabilities)))
        let first = expected.predictions[0]
        #expect(try i.run("p = e.predictions[0]\n[p[\"path\"], p[\"actual\"], p[\"predicted\"], p[\"probabilities\"][\"SAD\"]]")
                == [.string(first.path), .string("ANG"), .string(first.predicted), .number(first.probabilities[5])])
        #expect(try i.run("e.y_true") == .strings(["ANG", "SAD", "HAP"]))
        // The table's rows are the features predict_file computes for these 22,050 Hz clips.
        #expect(try i.run("t.probabilities") == .matrix(expected.probabilities))
        #expect(errorMessageIn(i, "evaluate(\"\(folder)/tiny.mdfy\", 3)") == "evaluate: expected a Corpus or a folder path for corpus_or_table, got a number")
    }

    @Test func calibrationBuiltinsTakeIndicesOrNames() throws {
        let i = Interpreter { _ in }
        // Three rows (0.8, 0.2) with classes 0, 0, 1: temperature 2 (see CalibrationTests.temperatureByHand).
        let t = try number(i.run("p = [[0.8, 0.2], [0.8, 0.2], [0.8, 0.2]]\nfit_temperature([0, 0, 1], p)"))
        #expect(abs(t - 2) < 1e-9)  // bisection to Float64 resolution
        let named = try number(i.run("fit_temperature([\"SAD\", \"SAD\", \"ANG\"], p, classes: [\"SAD\", \"ANG\"])"))
        #expect(named == t)
        let ece = try number(i.run("expected_calibration_error([0, 0, 1], p, bins: 2)"))
        #expect(abs(ece - (0.8 - 2.0 / 3)) < 1e-6)  // one bin: confidence 0.8 (float32), accuracy 2/3
        let scaled = try #require(try i.run("temperature_scale(p, 2)")).asMatrix()
        #expect(abs(scaled[0, 0] - 2.0 / 3) < 1e-6)  // float32
        let loss = try number(i.run("log_loss([\"a\", \"a\", \"b\"], p)"))  // names sorted: a → 0, b → 1
        #expect(abs(loss - -(2 * log(0.8) + log(0.2)) / 3) < 1e-6)  // float32 probabilities
        #expect(errorMessageIn(i, "fit_temperature([\"SAD\"], [[1, 0]], classes: [\"ANG\", \"HAP\"])")
                == "fit_temperature: \"SAD\" is not one of the classes [\"ANG\", \"HAP\"]")
    }
}
