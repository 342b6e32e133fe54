import CSndFile
import Foundation

/// The integer test signal shared with Scripts/goldens_audio.py (a 64-bit LCG; see that script),
/// and a writer that stores it in any format libsndfile can encode.
enum SyntheticAudio {
    /// `count` interleaved samples as 32-bit integers whose low `32 - bits` bits are zero.
    static func samples(seed: UInt64, count: Int, bits: Int) -> [Int32] {
        var state = seed
        let shift = Int32(32 - bits)
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let v = Int32(truncatingIfNeeded: state >> 32) >> 1
            return (v >> shift) << shift
        }
    }

    /// libsndfile's major | minor format code for a container and subtype named as soundfile names them.
    static func formatCode(container: String, subtype: String) -> Int32 {
        let major: Int
        switch container {
        case "FLAC": major = SF_FORMAT_FLAC
        case "OGG": major = SF_FORMAT_OGG
        case "MP3": major = SF_FORMAT_MPEG
        default: major = SF_FORMAT_WAV
        }
        let minor: Int
        switch subtype {
        case "PCM_U8": minor = SF_FORMAT_PCM_U8
        case "PCM_24": minor = SF_FORMAT_PCM_24
        case "PCM_32": minor = SF_FORMAT_PCM_32
        case "FLOAT": minor = SF_FORMAT_FLOAT
        case "DOUBLE": minor = SF_FORMAT_DOUBLE
        case "VORBIS": minor = SF_FORMAT_VORBIS
        case "MPEG_LAYER_III": minor = SF_FORMAT_MPEG_LAYER_III
        default: minor = SF_FORMAT_PCM_16
        }
        return Int32(major | minor)
    }

    /// Writes interleaved integer samples (full 32-bit scale) to `path`.
    static func write(ints: [Int32], channels: Int, sampleRate: Int, format: Int32, to path: String) throws {
        try withWriter(path: path, channels: channels, sampleRate: sampleRate, format: format) { handle in
            ints.withUnsafeBufferPointer { sf_writef_int(handle, $0.baseAddress, sf_count_t(ints.count / channels)) }
        }
    }

    /// Writes interleaved float samples to `path`.
    static func write(floats: [Float], channels: Int, sampleRate: Int, format: Int32, to path: String) throws {
        try withWriter(path: path, channels: channels, sampleRate: sampleRate, format: format) { handle in
            floats.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(floats.count / channels)) }
        }
    }

    /// Writes interleaved double samples to `path`.
    static func write(doubles: [Double], channels: Int, sampleRate: Int, format: Int32, to path: String) throws {
        try withWriter(path: path, channels: channels, sampleRate: sampleRate, format: format) { handle in
            doubles.withUnsafeBufferPointer { sf_writef_double(handle, $0.baseAddress, sf_count_t(doubles.count / channels)) }
        }
    }

    /// Writes the manifest's synthetic file into `folder` exactly as the generator did; returns its path.
    static func write(_ spec: GoldenManifest.Synthetic, into folder: TemporaryFolder) throws -> String {
        let path = folder.file(spec.name + (spec.container == "FLAC" ? ".flac" : ".wav"))
        let ints = samples(seed: spec.seed, count: spec.frames * spec.channels, bits: spec.bits)
        let format = formatCode(container: spec.container, subtype: spec.subtype)
        switch spec.subtype {
        case "FLOAT":
            try write(floats: ints.map { Float(Double($0) / 2147483648.0) }, channels: spec.channels, sampleRate: spec.sampleRate, format: format, to: path)
        case "DOUBLE":
            try write(doubles: ints.map { Double($0) / 2147483648.0 }, channels: spec.channels, sampleRate: spec.sampleRate, format: format, to: path)
        default:
            try write(ints: ints, channels: spec.channels, sampleRate: spec.sampleRate, format: format, to: path)
        }
        return path
    }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    private static func withWriter(path: String, channels: Int, sampleRate: Int, format: Int32, _ body: (OpaquePointer) -> sf_count_t) throws {
        var info = SF_INFO()
        info.channels = Int32(channels)
        info.samplerate = Int32(sampleRate)
        info.format = format
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw WriteError(description: "cannot create \(path): \(String(cString: sf_strerror(nil)))")
        }
        let written = body(handle)
        sf_close(handle)
        if written <= 0 { throw WriteError(description: "wrote nothing to \(path)") }
    }
}
