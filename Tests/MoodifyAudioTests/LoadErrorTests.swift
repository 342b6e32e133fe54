import Foundation
import MoodifyAudio
import Testing

/// Every kind of bad input gives its own `AudioError`, naming the file, from a path and from memory alike.
@Suite struct LoadErrorTests {
    /// Loads `path` from disk and from its bytes, expecting the same error (with the memory name) from both.
    private func expectError(_ path: String, _ expected: (String) -> AudioError, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected(path), sourceLocation: sourceLocation) { try AudioBuffer(contentsOf: path) }
        if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
            #expect(throws: expected("upload.wav"), sourceLocation: sourceLocation) {
                try AudioBuffer(data: data, name: "upload.wav")
            }
        }
    }

    /// A minimal RIFF/WAVE file with the given `fmt ` fields and `data` bytes.
    private func wav(tag: UInt16, bits: UInt16, data: [UInt8], declaredData: UInt32? = nil) -> Data {
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let blockAlign = UInt16(max(1, Int(bits) / 8))
        var fmt = le16(tag) + le16(1) + le32(16000)
        fmt += le32(16000 * UInt32(blockAlign)) + le16(blockAlign) + le16(bits)
        var bytes = Array("WAVE".utf8) + Array("fmt ".utf8) + le32(16) + fmt
        bytes += Array("data".utf8) + le32(declaredData ?? UInt32(data.count)) + data
        return Data(Array("RIFF".utf8) + le32(UInt32(bytes.count)) + bytes)
    }

    @Test func missingFile() throws {
        let folder = try TemporaryFolder()
        expectError(folder.file("nothing.wav")) { .fileNotFound(path: $0) }
    }

    @Test func directory() throws {
        let folder = try TemporaryFolder()
        expectError(folder.path) { .isDirectory(path: $0) }
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("empty.wav")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        expectError(path) { .emptyFile(path: $0) }
        #expect(throws: AudioError.emptyFile(path: "the uploaded audio")) { try AudioBuffer(data: Data()) }
    }

    @Test func textAndGarbage() throws {
        let folder = try TemporaryFolder()
        let text = folder.file("notes.wav")
        try "This is not audio, it is a note about audio.\n".write(toFile: text, atomically: true, encoding: .utf8)
        expectError(text) { .notAudio(path: $0) }
        let garbage = folder.file("garbage.flac")
        var generator = SystemRandomNumberGenerator()
        _ = FileManager.default.createFile(atPath: garbage, contents: Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        expectError(garbage) { .notAudio(path: $0) }
    }

    @Test func headerWithoutData() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("cut-header.wav")
        // The first 30 bytes of a WAV file: RIFF header and part of `fmt `, no `data` chunk.
        _ = FileManager.default.createFile(atPath: path, contents: wav(tag: 1, bits: 16, data: [0, 0]).prefix(30))
        #expect {
            try AudioBuffer(contentsOf: path)
        } throws: { error in
            guard case AudioError.malformed(let where_, _) = error else { return false }
            return where_ == path
        }
    }

    @Test func truncatedWAV() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("half.wav")
        // A data chunk announcing 2,000 bytes of which only 1,000 are there.
        _ = FileManager.default.createFile(atPath: path, contents: wav(tag: 1, bits: 16, data: [UInt8](repeating: 1, count: 1000), declaredData: 2000))
        expectError(path) { .truncated(path: $0, reason: "its header announces 2000 bytes of audio but only 1000 are present") }
    }

    @Test func truncatedFLAC() throws {
        let folder = try TemporaryFolder()
        let whole = folder.file("whole.flac")
        let ints = SyntheticAudio.samples(seed: 9, count: 32000, bits: 16)
        try SyntheticAudio.write(ints: ints, channels: 1, sampleRate: 16000,
                                 format: SyntheticAudio.formatCode(container: "FLAC", subtype: "PCM_16"), to: whole)
        let bytes = try #require(FileManager.default.contents(atPath: whole))
        let half = folder.file("half.flac")
        _ = FileManager.default.createFile(atPath: half, contents: bytes.prefix(bytes.count / 2))
        #expect {
            try AudioBuffer(contentsOf: half)
        } throws: { error in
            guard case AudioError.truncated(let where_, _) = error else { return false }
            return where_ == half
        }
    }

    @Test func zeroFrames() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("silence-of-nothing.wav")
        try AudioBuffer(samples: [], sampleRate: 16000).write(to: path)
        expectError(path) { .noFrames(path: $0) }
    }

    @Test func unknownCodec() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("codec.wav")
        _ = FileManager.default.createFile(atPath: path, contents: wav(tag: 0x1234, bits: 16, data: [0, 0, 0, 0]))
        expectError(path) { .unsupportedFormat(path: $0, format: "WAV codec 0x1234, 16-bit") }
    }

    @Test func halfPrecisionFloat() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("half-float.wav")
        _ = FileManager.default.createFile(atPath: path, contents: wav(tag: 3, bits: 16, data: [0, 0, 0, 0]))
        expectError(path) { .unsupportedFormat(path: $0, format: "16-bit floating point") }
    }

    @Test func nonFiniteSamples() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("nan.wav")
        try AudioBuffer(samples: [0, 0.5, .nan, 0.25], sampleRate: 16000).write(to: path, format: .float32)
        expectError(path) { .nonFiniteSample(path: $0, frame: 2) }
        try AudioBuffer(samples: [0, .infinity], sampleRate: 16000).write(to: path, format: .float32)
        expectError(path) { .nonFiniteSample(path: $0, frame: 1) }
    }

    @Test func invalidRequestedRate() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ok.wav")
        try AudioBuffer(samples: [0, 0.5], sampleRate: 16000).write(to: path)
        #expect(throws: AudioError.invalidSampleRate(path: path, rate: 0)) { try AudioBuffer(contentsOf: path, sampleRate: 0) }
        #expect(throws: AudioError.invalidSampleRate(path: "up", rate: -8000)) {
            try AudioBuffer(data: Data(contentsOf: URL(fileURLWithPath: path)), sampleRate: -8000, name: "up")
        }
    }

    @Test func messagesAreOneSentenceWithThePath() {
        let errors: [AudioError] = [
            .fileNotFound(path: "a.wav"), .isDirectory(path: "a.wav"), .emptyFile(path: "a.wav"),
            .unreadable(path: "a.wav", reason: "permission denied"), .notAudio(path: "a.wav"),
            .malformed(path: "a.wav", reason: "x"), .truncated(path: "a.wav", reason: "x"),
            .unsupportedFormat(path: "a.wav", format: "x"), .noFrames(path: "a.wav"),
            .nonFiniteSample(path: "a.wav", frame: 3), .invalidSampleRate(path: "a.wav", rate: 0),
            .writeFailed(path: "a.wav", reason: "x"),
        ]
        for error in errors {
            #expect(error.description.contains("a.wav"))
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.dropLast().contains(". "), "one sentence: \(error)")
        }
        #expect(Set(errors.map(\.description)).count == errors.count)
    }
}
