import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing
@testable import MoodifyScript

/// A new temporary folder holding copies of the first `count` development clips, or nil (with a message) without the corpus.
private func folderOfClips(_ count: Int) throws -> String? {
    guard DevCorpus.available else {
        print("Skipping: the development corpus is not at \(DevCorpus.path) (set MOODIFY_AUDIO).")
        return nil
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-pipeline-builtins-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in ["1001_DFA_ANG_XX", "1001_DFA_DIS_XX", "1001_DFA_FEA_XX"].prefix(count) {
        try FileManager.default.copyItem(atPath: DevCorpus.clip(name), toPath: folder + "/" + name + ".flac")
    }
    return folder
}

/// 1.5 s of a 220 Hz tone with harmonics between short silences, at 22,050 Hz.
private let voice: AudioBuffer = {
    let tone = (0..<33075).map { i -> Float in
        let t = Double(i) / 22050
        return Float(0.3 * sin(2 * .pi * 220 * t) + 0.1 * sin(2 * .pi * 440 * t))
    }
    let silence = [Float](repeating: 0, count: 4410)
    return AudioBuffer(samples: silence + tone + silence, sampleRate: 22050)
}()

@Suite struct PipelineBuiltinsTests {
    @Test func featuresOfOneClipAreTheFeatureSetsVector() throws {
        let i = Interpreter { _ in }
        i.setVariable("a", .audio(voice))
        #expect(try i.run("features(a, set: \"method2\")") == .floats(try FeatureSet.method2.vector(for: voice)))
        #expect(try i.run("len(features(a))") == 140)
        var rng = SeededGenerator(seed: 5)
        let rows = try FeatureSet.method2.rows(for: voice, augment: true, using: &rng)
        #expect(try i.run("features(a, set: \"method2\", augment: true, seed: 5)") == .matrix(Matrix(rowArrays: rows)))
        #expect(errorMessageIn(i, "features(a, set: \"method9\")")
                == "features: There is no feature set named \"method9\"; the known sets are \"method1\", \"method2\", \"mfcc40\", \"prosody\", \"method3\", \"speech_stats\", \"logmel_frames\", \"logmel_env_prosody_frames\".")
        #expect(errorMessageIn(i, "features(42)") == "features: expected a Corpus or a folder path for a_or_corpus, got a number")
    }

    @Test func featuresOfAFolderIsATable() throws {
        guard let folder = try folderOfClips(2) else { return }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not audio".utf8).write(to: URL(fileURLWithPath: folder + "/1001_DFA_HAP_XX.wav"))
        let printed = Printed()
        let i = Interpreter { printed.text += $0 }
        let table = try i.run("t = features(\"\(folder)\", set: \"method2\", cache: false)\nt")
        #expect(printed.text == "features: skipped 1 of 3 clips that could not be read (see .skipped)\n")
        let shown = try #require(table.map(Display.show))
        #expect(shown.hasPrefix("FeatureTable method2 · 2 rows × 256 columns · 2 clips · 0 from cache\nSkipped 1 clip:\n  "))
        #expect(try i.run("[t.shape, t.labels, t.clip, t.variant, t.augmented, t.cached, len(t.columns), len(t)]")
                == [[2, 256], ["ANG", "DIS"], [0, 1], ["original", "original"], false, 0, 256, 2])
        #expect(try i.run("t.skipped[0][\"file\"]") == .string(folder + "/1001_DFA_HAP_XX.wav"))
        let direct = try ["1001_DFA_ANG_XX", "1001_DFA_DIS_XX"].map { try FeatureSet.method2.vector(for: try AudioBuffer(contentsOf: folder + "/\($0).flac")) }
        #expect(try i.run("t.X") == .matrix(Matrix(rowArrays: direct)))
    }

    @Test func featuresOfACorpusAugmentedAndCached() throws {
        guard let folder = try folderOfClips(2) else { return }
        let cache = folder + "/cache"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let i = Interpreter { _ in }
        // The default cache folder comes from MOODIFY_CACHE; no other test uses it.
        setenv("MOODIFY_CACHE", cache, 1)
        defer { unsetenv("MOODIFY_CACHE") }
        try i.run("c = corpus(\"\(folder)\")\nt = features(c, set: \"method2\", augment: true)\nu = features(c, set: \"method2\", augment: true)")
        #expect(try i.run("[t.shape, t.clip, t.variant, t.cached, u.cached, t.X == u.X]")
                == [[8, 256], [0, 0, 0, 0, 1, 1, 1, 1],
                    ["original", "noise", "pitch_shift", "time_stretch", "original", "noise", "pitch_shift", "time_stretch"], 0, 2, true])
        #expect(FeatureCache(folder: cache).entryCount == 2)
    }

    @Test func predictFilePrintsAsTheNotebook() throws {
        let folder = try folderWithTinyModel("moodify-predict")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try voice.write(to: folder + "/voice.wav", format: .float32)
        let expected = try EmotionClassifier(contentsOf: folder + "/tiny.mdfy").predict(voice)
        let i = Interpreter { _ in }
        let shown = try #require(try i.run("p = predict_file(\"\(folder)/tiny.mdfy\", \"\(folder)/voice.wav\")\np").map(Display.show))
        #expect(shown == expected.description)
        let lines = shown.components(separatedBy: "\n")
        #expect(lines.first == "Prediction Probabilities:" && lines.count == 7)
        #expect(lines.dropFirst().allSatisfy { $0.range(of: #"^[A-Z]{3}: \d{1,3}\.\d\d%$"#, options: .regularExpression) != nil })
        #expect(try i.run("[p.emotion, p.classes, p.probabilities[\"SAD\"], p.truncated]")
                == [.string(expected.emotion), .strings(expected.classes), .number(expected.probabilities["SAD"]!), false])
        // "default" names the bundle at MOODIFY_MODEL (Models/default.moodify when unset).
        setenv("MOODIFY_MODEL", folder + "/tiny.mdfy", 1)
        defer { unsetenv("MOODIFY_MODEL") }
        #expect(try i.run("predict_file(\"default\", \"\(folder)/voice.wav\").emotion") == .string(expected.emotion))
        #expect(try i.run("load_model(\"default\").feature_set") == .string("method2"))
        // A model object from load_model predicts the same as its file.
        #expect(try i.run("predict_file(load_model(\"\(folder)/tiny.mdfy\"), \"\(folder)/voice.wav\").probabilities[\"SAD\"]")
                == .number(expected.probabilities["SAD"]!))
        #expect(errorMessageIn(i, "predict_file(\"\(folder)/voice.wav\", \"\(folder)/voice.wav\")")
                == "predict_file: This is not a Moodify model bundle (its first bytes are not the MDFYMODL signature).")
    }

    @Test func corpusSubsetIsStratified() throws {
        guard DevCorpus.available else {
            print("Skipping: the development corpus is not at \(DevCorpus.path) (set MOODIFY_AUDIO).")
            return
        }
        let i = Interpreter { _ in }
        try i.run("c = corpus(\"\(DevCorpus.path)\")\ns = corpus_subset(c, per_speaker_emotion: 1)\nl = corpus_subset(\"\(DevCorpus.path)\", limit: 12, seed: 3)")
        // 46 actors × 6 emotions in the development corpus.
        #expect(try i.run("[s.count, l.count, len(unique(l.labels))]") == [276, 12, 6])
        #expect(errorMessageIn(i, "corpus_subset(c)") == "corpus_subset: give exactly one of per_speaker_emotion: or limit:")
    }
}
