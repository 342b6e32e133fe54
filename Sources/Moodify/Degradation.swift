import Foundation
import MoodifyAudio
import MoodifyDSP

/// A way a real recording differs from CREMA-D's studio clips, applied to decoded audio to measure how a model
/// copes with it. Written as specs: `resample:8000`, `stereo`, `gain:-12`, `white:20`, `babble:20`, `pad:1`.
public enum Degradation: Sendable, Equatable, CustomStringConvertible {
    /// Recorded at `rate` Hz: the clip is resampled to it (losing what lies above rate / 2), then loaded as usual.
    case resampled(rate: Int)
    /// Recorded in stereo by two microphones: a second channel 0.5 ms later and 3 dB quieter, mixed down to mono
    /// by averaging the channels, as the loader (and librosa.load) does.
    case stereo
    /// Recorded `decibels` louder or quieter, saturating at full scale as a recorder would.
    case gain(decibels: Double)
    /// White Gaussian noise `snr` dB below the clip's mean power.
    case whiteNoise(snr: Double)
    /// Other voices talking at once (`voices`, a mix at the clip's rate, looped), `snr` dB below the clip's mean power.
    case babble(snr: Double, voices: [Float])
    /// `seconds` of silence before and after the clip.
    case silencePadding(seconds: Double)

    /// The degradation a spec names; `voices` makes the babble mix when the spec asks for one.
    public init(spec: String, voices: () throws -> [Float]) throws {
        let parts = spec.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        let value = parts.count == 2 ? Double(parts[1]) : nil
        switch (parts.first ?? "", value) {
        case ("resample", let rate?) where rate >= 1000 && rate == rate.rounded(): self = .resampled(rate: Int(rate))
        case ("stereo", nil) where parts.count == 1: self = .stereo
        case ("gain", let decibels?) where decibels.isFinite: self = .gain(decibels: decibels)
        case ("white", let snr?) where snr.isFinite: self = .whiteNoise(snr: snr)
        case ("babble", let snr?) where snr.isFinite: self = .babble(snr: snr, voices: try voices())
        case ("pad", let seconds?) where seconds >= 0 && seconds <= 60: self = .silencePadding(seconds: seconds)
        default: throw DegradationError.unknownSpec(spec)
        }
    }

    /// The spec this degradation is written as (the babble's voices are not part of it).
    public var description: String {
        switch self {
        case .resampled(let rate): "resample:\(rate)"
        case .stereo: "stereo"
        case .gain(let decibels): "gain:\(Self.number(decibels, signed: true))"
        case .whiteNoise(let snr): "white:\(Self.number(snr, signed: false))"
        case .babble(let snr, _): "babble:\(Self.number(snr, signed: false))"
        case .silencePadding(let seconds): "pad:\(Self.number(seconds, signed: false))"
        }
    }

    /// What identifies the degradation's effect in a cache key: the spec, and for babble a hash of the voices.
    public var cacheKey: String {
        guard case .babble(_, let voices) = self else { return description }
        return description + " voices=" + SHA256.hex(voices.withUnsafeBytes { Array($0) })
    }

    /// `audio` as it would have been recorded with this change; `rng` draws the noise and where the babble starts.
    public func apply(to audio: AudioBuffer, using rng: inout some RandomNumberGenerator) -> AudioBuffer {
        let x = audio.samples, rate = audio.sampleRate
        switch self {
        case .resampled(let target):
            return AudioBuffer(samples: Resampler.resample(x, from: Double(rate), to: Double(target)), sampleRate: target)
        case .stereo:
            let delay = Int((0.0005 * Double(rate)).rounded()), second = Float(pow(10, -3.0 / 20))
            let mixed = x.indices.map { i in 0.5 * (x[i] + (i >= delay ? second * x[i - delay] : 0)) }
            return AudioBuffer(samples: mixed, sampleRate: rate)
        case .gain(let decibels):
            let factor = Float(pow(10, decibels / 20))
            return AudioBuffer(samples: x.map { min(1, max(-1, $0 * factor)) }, sampleRate: rate)
        case .whiteNoise(let snr):
            let amount = (Self.meanPower(x[...]) / pow(10, snr / 10)).squareRoot()
            return AudioBuffer(samples: addNoise(x, amount: amount, using: &rng), sampleRate: rate)
        case .babble(let snr, let voices):
            guard !voices.isEmpty, !x.isEmpty else { return audio }
            let start = Int.random(in: 0..<voices.count, using: &rng)
            let noise = x.indices.map { voices[(start + $0) % voices.count] }
            let noisePower = Self.meanPower(noise[...])
            guard noisePower > 0 else { return audio }
            let scale = Float((Self.meanPower(x[...]) / (noisePower * pow(10, snr / 10))).squareRoot())
            return AudioBuffer(samples: zip(x, noise).map { $0 + scale * $1 }, sampleRate: rate)
        case .silencePadding(let seconds):
            let silence = [Float](repeating: 0, count: Int((seconds * Double(rate)).rounded()))
            return AudioBuffer(samples: silence + x + silence, sampleRate: rate)
        }
    }

    /// The mean of the squared samples, in double precision.
    private static func meanPower(_ x: ArraySlice<Float>) -> Double {
        x.isEmpty ? 0 : x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)
    }

    /// A value as specs write it: no trailing ".0", and a "+" on positive gains when `signed`.
    private static func number(_ value: Double, signed: Bool) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return signed && value > 0 ? "+" + text : text
    }
}

/// A degradation spec that names nothing Moodify knows.
public enum DegradationError: Error, CustomStringConvertible, Equatable {
    /// The spec as given.
    case unknownSpec(String)

    /// One sentence listing what is understood.
    public var description: String {
        switch self {
        case .unknownSpec(let spec):
            "Unknown degradation \"\(spec)\": use resample:RATE, stereo, gain:DB, white:SNR, babble:SNR or pad:SECONDS."
        }
    }
}
