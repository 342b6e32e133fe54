import Foundation
import Moodify
import MoodifyAudio
import Testing
@testable import MoodifyScript

/// The development corpus: MOODIFY_AUDIO, else ../shared/corpus/crema-d-dev beside the package root.
enum DevCorpus {
    static let path: String = {
        if let env = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"], !env.isEmpty { return env }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/corpus/crema-d-dev").path
    }()
    static var available: Bool { FileManager.default.fileExists(atPath: path + "/1001_DFA_ANG_XX.flac") }
    static func clip(_ name: String) -> String { path + "/" + name + ".flac" }
}

private func scratch(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-audio-builtins-\(getpid())")
    return folder.appendingPathComponent(name).path
}

@Suite struct AudioBuiltinsTests {
    /// An interpreter holding `tone`: 0.1 s of a 440 Hz sine at 8 kHz, amplitude 0.5.
    private func withTone() -> Interpreter {
        let i = Interpreter { _ in }
        let samples = (0..<800).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 8000)) }
        i.setVariable("tone", .audio(AudioBuffer(samples: samples, sampleRate: 8000)))
        return i
    }

    @Test func audioBuffersShowDurationRateAndPeak() throws {
        let i = withTone()
        #expect(try i.run("tone").map(Display.show) == "AudioBuffer 0.10 s · 8000 Hz · peak 0.500")
        #expect(try i.run("[len(tone), tone.sr, tone.duration, type(tone)]") == [800, 8000, 0.1, "AudioBuffer"])
        #expect(try i.run("len(tone.samples)") == 800)
        #expect(i.completions(for: "tone.").candidates == ["duration", "peak", "samples", "sr"])
    }

    @Test func saveWavRoundTrips() throws {
        let i = withTone()
        let float = scratch("tone_f32.wav"), pcm = scratch("sub/tone_16.wav")
        #expect(try i.run("save_wav(tone, \"\(float)\", format: \"float32\")") == .string(float))
        try i.run("save_wav(tone, \"\(pcm)\")\nf = load(\"\(float)\", sr: nil)\np = load(\"\(pcm)\", sr: nil)")
        guard case .object(let o)? = i.variable("tone"), let original = o.floatValues,
              case .object(let f)? = i.variable("f"), let floats = f.floatValues,
              case .object(let p)? = i.variable("p"), let pcm16 = p.floatValues else {
            Issue.record("expected three audio buffers")
            return
        }
        #expect(floats == original)  // 32-bit float WAV is lossless
        // 16-bit PCM rounds to the nearest step of 1/32768: at most half a step off.
        #expect(zip(pcm16, original).allSatisfy { abs($0 - $1) <= 0.5 / 32768 })
        #expect(errorMessageIn(i, "save_wav(tone, \"x.wav\", format: \"mp3\")") == "save_wav: format must be \"pcm16\" or \"float32\", got \"mp3\"")
        #expect(errorMessageIn(i, "save_wav([1, 2], \"x.wav\")") == "save_wav: expected an AudioBuffer for a, got a list")
    }

    @Test func saveNpyWritesAudioAsFloat32() throws {
        let i = withTone()
        let path = scratch("tone.npy")
        try i.run("save_npy(tone, \"\(path)\")")
        let back = try NPY.read(path).asFloats()
        guard case .object(let o)? = i.variable("tone") else { return }
        #expect(back == o.floatValues)
    }

    @Test func loadErrorsNameTheFile() {
        #expect(errorMessageIn(Interpreter { _ in }, "load(3)") == "load: expected a string for path, got a number")
        let missing = errorMessageIn(Interpreter { _ in }, "load(\"/nonexistent/clip.wav\")")
        #expect(missing.hasPrefix("load: ") && missing.contains("/nonexistent/clip.wav"))
        #expect(errorMessageIn(Interpreter { _ in }, "load(\"x.wav\", sr: 0.5)") == "load: expected an integer for sr, got 0.5")
    }

    @Test(.enabled(if: DevCorpus.available, "needs ../shared/corpus/crema-d-dev (or MOODIFY_AUDIO)"))
    func loadResamplesRealClips() throws {
        let i = Interpreter { _ in }
        try i.run("a = load(\"\(DevCorpus.clip("1001_DFA_ANG_XX"))\")\nn = load(\"\(DevCorpus.clip("1001_DFA_ANG_XX"))\", sr: nil)")
        // 1001_DFA_ANG_XX has 36,409 samples at 16 kHz; librosa's length rule gives ceil(36409 · 22050 / 16000).
        #expect(try i.run("[len(n), n.sr, len(a), a.sr]") == [36409, 16000, 50177, 22050])
        #expect(try i.run("a").map(Display.show)?.hasPrefix("AudioBuffer 2.28 s · 22050 Hz · peak ") ?? false)
    }

    @Test(.enabled(if: DevCorpus.available, "needs ../shared/corpus/crema-d-dev (or MOODIFY_AUDIO)"))
    func corpusExposesCountLabelsSpeakersFilesAndSummary() throws {
        let i = Interpreter { _ in }
        try i.run("c = corpus(\"\(DevCorpus.path)\")")
        #expect(try i.run("[c.count, len(c), len(c.labels), len(unique(c.speakers)), unique(c.labels)]")
                == [3760, 3760, 3760, 46, ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]])
        #expect(try i.run("c.files[0].ends_with(\"1001_DFA_ANG_XX.flac\")") == true)
        #expect(try i.run("n = 0\nfor f in c { n += 1 }\nn") == 3760)
        let summary = try i.run("c.summary()")
        #expect(summary.map(Display.str)?.contains("3760 clips · 46 speakers") ?? false)
        #expect(try i.run("c").map(Display.show) == summary.map(Display.str))
        #expect(try i.run("[c]").map(Display.repr) == "[Corpus of 3760 clips at \(DevCorpus.path)]")
    }

    @Test func corpusErrors() {
        let message = errorMessageIn(Interpreter { _ in }, "corpus(\"/nonexistent/AudioWAV\")")
        #expect(message.hasPrefix("corpus: ") && message.contains("/nonexistent/AudioWAV"))
        #expect(errorMessageIn(Interpreter { _ in }, "corpus([1])") == "corpus: expected a string for path, got a list")
    }
}
