import Foundation
import Moodify
import MoodifyAudio

/// A decoded mono clip as scripts see it: `len(a)` is its sample count, `a.sr` its rate.
struct AudioBufferObject: HostObject {
    /// The samples and their rate.
    let buffer: AudioBuffer

    var typeName: String { "AudioBuffer" }

    var summary: String {
        String(format: "AudioBuffer %.2f s · %d Hz · peak %.3f", buffer.duration, buffer.sampleRate, Double(peak))
    }

    /// The largest absolute sample.
    var peak: Float {
        buffer.samples.withUnsafeBufferPointer { samples in
            var m: Float = 0
            for x in samples { m = max(m, abs(x)) }
            return m
        }
    }

    var propertyNames: [String] { ["duration", "peak", "samples", "sr"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "duration": return .number(buffer.duration)
        case "peak": return .float(peak)
        case "samples": return .floats(buffer.samples)
        case "sr": return .number(Double(buffer.sampleRate))
        default: return nil
        }
    }

    var length: Int? { buffer.samples.count }
    var floatValues: [Float]? { buffer.samples }
}

/// A folder of CREMA-D-named clips as scripts see it (`.count .labels .speakers .files .summary()`).
struct CorpusObject: HostObject {
    /// The clips and the names that did not parse.
    let corpus: Corpus

    var typeName: String { "Corpus" }
    var summary: String { "Corpus of \(corpus.count) clips at \(corpus.path)" }
    var display: String { corpus.summary() }
    var propertyNames: [String] { ["count", "files", "labels", "path", "sentences", "speakers", "unparsed"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "count": return .number(Double(corpus.count))
        case "files": return .strings(corpus.files)
        case "labels": return .strings(corpus.labels)
        case "path": return .string(corpus.path)
        case "sentences": return .strings(corpus.clips.map(\.sentence))
        case "speakers": return .strings(corpus.speakers)
        case "unparsed": return .strings(corpus.unparsed)
        default: return nil
        }
    }

    var methods: [Builtin] {
        [Builtin("summary", doc: "Clip count, speakers, per-emotion counts, total duration and unparsed names.") { _ in
            .string(corpus.summary())
        }]
    }

    var length: Int? { corpus.count }
    /// `for f in c` visits the clip files.
    var elements: [Value]? { corpus.files.map { .string($0) } }
}

extension Value {
    /// An audio buffer value.
    static func audio(_ buffer: AudioBuffer) -> Value { .object(AudioBufferObject(buffer: buffer)) }
}

extension Arguments {
    /// The audio buffer argument `name`: `trim: expected an AudioBuffer for a, got a list`.
    func audio(_ name: String) throws -> AudioBuffer {
        try object(name, as: AudioBufferObject.self, expected: "an AudioBuffer").buffer
    }

    /// The corpus argument `name`.
    func corpus(_ name: String) throws -> Corpus {
        try object(name, as: CorpusObject.self, expected: "a Corpus").corpus
    }
}

extension Builtins {
    /// Audio in and out, and the corpus of clips.
    static let audio: [Builtin] = [
        Builtin("load", [.required("path"), .optional("sr", 22050)],
                doc: "Decode an audio file, mix it to mono and resample it to sr Hz (nil keeps its rate), as librosa.load.") { args in
            .audio(try AudioBuffer(contentsOf: try args.string("path"), sampleRate: try args.optionalInt("sr")))
        },
        Builtin("save_wav", [.required("a"), .required("path"), .named("format", "pcm16")],
                doc: "Write audio as a mono WAV file, 16-bit PCM or format: \"float32\"; returns the path.") { args in
            let path = try args.string("path")
            let format: WAVFormat
            switch try args.string("format") {
            case "pcm16": format = .pcm16
            case "float32": format = .float32
            case let other: throw ValueError.invalid("save_wav: format must be \"pcm16\" or \"float32\", got \(Display.quoted(other))")
            }
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try args.audio("a").write(to: path, format: format)
            return .string(path)
        },
        Builtin("corpus", [.required("path")],
                doc: "The audio clips in a folder, named ACTOR_SENTENCE_EMOTION_LEVEL as CREMA-D's.") { args in
            .object(CorpusObject(corpus: try Corpus(path: try args.string("path"))))
        },
    ]
}
