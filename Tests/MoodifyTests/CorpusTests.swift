import Foundation
import Moodify
import MoodifyAudio
import Testing

/// Where the real development clips are: `$MOODIFY_AUDIO`, else `../shared/corpus/crema-d-dev` beside the package.
enum CorpusFixture {
    /// The package root, derived from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The development corpus folder, whether or not it exists.
    static var path: String {
        if let env = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"], !env.isEmpty { return env }
        return packageRoot.appendingPathComponent("../shared/corpus/crema-d-dev").standardizedFileURL.path
    }

    /// Whether the development corpus is present.
    static var available: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "moodify-corpus-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}

@Suite struct CorpusNamingTests {
    @Test func parsesCremaDNames() throws {
        let clip = try #require(Clip(fileName: "1001_DFA_ANG_XX.wav", path: "/x/1001_DFA_ANG_XX.wav"))
        #expect(clip == Clip(path: "/x/1001_DFA_ANG_XX.wav", speaker: "1001", sentence: "DFA", emotion: "ANG", level: "XX"))
        #expect(Clip(fileName: "1091_WSI_SAD_HI.flac", path: "p")?.level == "HI")
    }

    @Test(arguments: ["notes.wav", "1001_DFA_ANG.wav", "1001_DFA_ANG_XX_extra.wav", "1001__ANG_XX.wav",
                      "1001_DFA_ANG_XX copy.wav", "_DFA_ANG_XX.wav"])
    func rejectsOtherNames(_ name: String) {
        #expect(Clip(fileName: name, path: name) == nil)
    }
}

@Suite struct CorpusFolderTests {
    @Test func missingFolderSaysWhereCremaDGoes() {
        let path = "/nonexistent/AudioWAV"
        #expect(throws: CorpusError.folderMissing(path: path)) { try Corpus(path: path) }
        let message = CorpusError.folderMissing(path: path).description
        #expect(message.contains("AudioWAV/") && message.contains("MOODIFY_AUDIO") && message.contains(path))
    }

    @Test func fileAndEmptyFolderAreErrors() throws {
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: CorpusError.noAudioFiles(path: folder)) { try Corpus(path: folder) }
        let file = folder + "/readme.txt"
        try "text".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: CorpusError.notAFolder(path: file)) { try Corpus(path: file) }
    }

    /// CREMA-D's own layout: WAV files in a folder, made here by converting a few real FLAC clips.
    @Test(.enabled(if: CorpusFixture.available, "needs ../shared/corpus/crema-d-dev or MOODIFY_AUDIO"))
    func readsAWAVFolderLikeAudioWAV() throws {
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = ["1001_DFA_ANG_XX", "1001_DFA_SAD_XX", "1003_DFA_HAP_XX", "1005_DFA_NEU_XX"]
        var seconds = 0.0
        for name in names {
            let audio = try AudioBuffer(contentsOf: CorpusFixture.path + "/\(name).flac", sampleRate: nil)
            try audio.write(to: folder + "/\(name).wav")
            seconds += audio.duration
        }
        try "not audio".write(toFile: folder + "/README.txt", atomically: true, encoding: .utf8)
        try AudioBuffer(samples: [0, 0.1], sampleRate: 16000).write(to: folder + "/take 2.WAV")

        let corpus = try Corpus(path: folder)
        #expect(corpus.count == 4)
        #expect(corpus.files == names.map { folder + "/\($0).wav" })
        #expect(corpus.labels == ["ANG", "SAD", "HAP", "NEU"])
        #expect(corpus.speakers == ["1001", "1001", "1003", "1005"])
        #expect(corpus.unparsed == ["take 2.WAV"])

        let summary = corpus.summary()
        #expect(summary.contains("4 clips · 3 speakers · 1 sentences"))
        #expect(summary.contains("Emotions: ANG 1 · HAP 1 · NEU 1 · SAD 1"))
        #expect(summary.contains("take 2.WAV"))
        #expect(summary.contains("at 16000 Hz"))
        // The header durations equal the decoded ones, which the summary prints to 0.1 s.
        #expect(summary.contains(String(format: "%.1f s", seconds)))

        // A damaged clip is reported by the summary, not hidden.
        try "broken".write(toFile: folder + "/1009_DFA_FEA_XX.wav", atomically: true, encoding: .utf8)
        let damaged = try Corpus(path: folder)
        #expect(damaged.count == 5)
        #expect(damaged.summary().contains("Unreadable clips (1):\n  \(folder)/1009_DFA_FEA_XX.wav is not an audio file"))
    }

    @Test(.enabled(if: CorpusFixture.available, "needs ../shared/corpus/crema-d-dev or MOODIFY_AUDIO"))
    func readsTheFLACDevelopmentCorpus() throws {
        let corpus = try Corpus(path: CorpusFixture.path)
        #expect(corpus.count == 3760)
        #expect(corpus.unparsed.isEmpty)
        #expect(Set(corpus.speakers).count == 46)
        #expect(corpus.files == corpus.files.sorted())
        #expect(corpus.counts(of: \.emotion).map(\.value) == ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"])
        #expect(corpus.counts(of: \.emotion).map(\.count) == [642, 642, 642, 642, 550, 642])
        let summary = corpus.summary()
        #expect(summary.contains("3760 clips · 46 speakers · 12 sentences"))
        #expect(summary.contains("Emotions: ANG 642 · DIS 642 · FEA 642 · HAP 642 · NEU 550 · SAD 642"))
        #expect(!summary.contains("Unreadable"))
    }
}
