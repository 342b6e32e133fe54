import Foundation

/// Decoded mono audio.
public struct AudioBuffer: Sendable, Equatable {
    /// The samples, float32, nominally in [-1, 1).
    public var samples: [Float]
    /// Samples per second.
    public var sampleRate: Int

    /// Wraps samples already in memory.
    public init(samples: [Float], sampleRate: Int) {
        self.samples = samples
        self.sampleRate = sampleRate
    }

    /// Length in seconds.
    public var duration: Double {
        sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0
    }

    /// librosa.load(path, sr=sampleRate): decode with libsndfile, average the channels, resample with soxr HQ;
    /// `nil` keeps the file's own rate.
    public init(contentsOf path: String, sampleRate: Int? = 22050) throws {
        try self.init(source: .file(path), sampleRate: sampleRate)
    }

    /// The same as `init(contentsOf:)` for encoded bytes in memory (a web upload); `name` appears in errors.
    public init(data: Data, sampleRate: Int? = 22050, name: String = "the uploaded audio") throws {
        try self.init(source: .memory([UInt8](data), name: name), sampleRate: sampleRate)
    }

    private init(source: AudioSource, sampleRate target: Int?) throws(AudioError) {
        if let target, target <= 0 {
            throw .invalidSampleRate(path: source.name, rate: target)
        }
        let file = try SoundFile(source: source)
        let native = file.sampleRate
        let mono = try file.readMono()
        guard let target, target != native else {
            self.init(samples: mono, sampleRate: native)
            return
        }
        self.init(samples: Resampler.resample(mono, from: Double(native), to: Double(target)), sampleRate: target)
    }
}
