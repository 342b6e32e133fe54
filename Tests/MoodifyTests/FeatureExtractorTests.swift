import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing

/// Six real clips (every 600th of the development corpus), or nil with a message when the corpus is absent.
private func sixClips() throws -> Corpus? {
    guard CorpusFixture.available else {
        print("Skipping: the development corpus is not at \(CorpusFixture.path) (set MOODIFY_AUDIO).")
        return nil
    }
    var corpus = try Corpus(path: CorpusFixture.path)
    corpus.clips = stride(from: 0, to: corpus.clips.count, by: 600).prefix(6).map { corpus.clips[$0] }
    return corpus
}

/// An extractor without a progress bar, caching in `folder` when given.
private func extractor(_ set: FeatureSet, augment: Bool = false, cacheFolder: String? = nil) -> FeatureExtractor {
    FeatureExtractor(featureSet: set, augment: augment, cache: cacheFolder.map { FeatureCache(folder: $0) }, showsProgress: false)
}

@Suite struct FeatureExtractorTests {
    @Test func rowsAreMoodifyDSPsInCorpusOrderAndTheCacheGivesThemBack() throws {
        guard let corpus = try sixClips() else { return }
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cold = extractor(.method1, cacheFolder: folder).extract(corpus)
        let direct = try corpus.files.map { try FeatureSet.method1.vector(for: try AudioBuffer(contentsOf: $0)) }
        // Same decoder, same resampler, same code: bit-identical rows.
        #expect(cold.X == Matrix(rowArrays: direct))
        #expect(cold.X.shape == [6, 140] && cold.columns == FeatureSet.method1.columns)
        #expect(cold.labels == corpus.labels && cold.speakers == corpus.speakers && cold.files == corpus.files)
        #expect(cold.clips == Array(0..<6) && cold.variants == [Int](repeating: 0, count: 6))
        #expect(cold.cachedClips == 0 && cold.skipped.isEmpty && FeatureCache(folder: folder).entryCount == 6)

        let warm = extractor(.method1, cacheFolder: folder).extract(corpus)
        #expect(warm.X == cold.X && warm.cachedClips == 6)
        #expect(warm.summary.hasPrefix("FeatureTable method1 · 6 rows × 140 columns · 6 clips · 6 from cache"))
        // Another feature set (or augmentation) is another key.
        #expect(extractor(.method2, cacheFolder: folder).extract(corpus).cachedClips == 0)
    }

    @Test func aCorruptClipIsSkippedWithItsReason() throws {
        guard let corpus = try sixClips() else { return }
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in corpus.files.prefix(2) {
            try FileManager.default.copyItem(atPath: file, toPath: folder + "/" + (file as NSString).lastPathComponent)
        }
        let bad = folder + "/1001_XXX_ANG_XX.flac"
        try Data("fLaC but not really a FLAC stream".utf8).write(to: URL(fileURLWithPath: bad))
        let table = extractor(.method2).extract(try Corpus(path: folder))
        #expect(table.X.rows == 2 && table.clips == [0, 2])
        #expect(table.skipped.count == 1 && table.skipped.first?.file == bad)
        #expect(table.skipped.first?.reason.contains(bad) == true)
        #expect(table.summary.contains("Skipped 1 clip:"))
        let direct = try corpus.files.prefix(2).map { try FeatureSet.method2.vector(for: try AudioBuffer(contentsOf: $0)) }
        #expect(table.X == Matrix(rowArrays: direct))
    }

    @Test func augmentationGivesFourRowsPerClipSeededByTheClip() throws {
        guard var corpus = try sixClips() else { return }
        corpus.clips = Array(corpus.clips.prefix(2))
        let table = extractor(.method2, augment: true).extract(corpus)
        #expect(table.X.shape == [8, 256] && table.augmented && table.clipCount == 2)
        #expect(table.variants == [0, 1, 2, 3, 0, 1, 2, 3] && table.clips == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(table.labels == [String](repeating: corpus.labels[0], count: 4) + [String](repeating: corpus.labels[1], count: 4))
        // The first version is the clip itself.
        let plain = try FeatureSet.method2.vector(for: try AudioBuffer(contentsOf: corpus.files[1]))
        #expect(Array(table.X.row(4)) == plain)
        // Four different versions.
        #expect(Set((0..<4).map { Array(table.X.row($0)) }).count == 4)
        // A clip's rows do not depend on the other clips extracted with it.
        var second = corpus
        second.clips = [corpus.clips[1]]
        let alone = extractor(.method2, augment: true).extract(second)
        #expect(alone.X.values == Array(table.X.values[(4 * 256)...]))
        // Another seed changes only the noisy version.
        var reseeded = extractor(.method2, augment: true)
        reseeded.seed = 7
        let other = reseeded.extract(second)
        #expect(other.X.row(0) == alone.X.row(0) && other.X.row(1) != alone.X.row(1) && other.X.row(2) == alone.X.row(2))
    }

    @Test func parallelAndSerialExtractionAgree() throws {
        guard let corpus = try sixClips() else { return }
        var serial = extractor(.method2)
        serial.workers = 1
        var wide = extractor(.method2)
        wide.workers = 4
        #expect(serial.extract(corpus).X == wide.extract(corpus).X)
    }

    @Test func contentHashIsSHA256() {
        // FIPS 180-4 examples: "abc" and the 448-bit two-block message.
        #expect(FeatureCache.contentHash(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FeatureCache.contentHash(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(FeatureCache.contentHash(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func aDamagedCacheEntryIsAMiss() throws {
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = FeatureCache(folder: folder)
        let key = FeatureCache.key(contentHash: "00", featureSet: .method2, augment: false, seed: 42)
        let row = (0..<256).map { Float($0) / 7 }
        try cache.store([row], forKey: key, featureSet: .method2)
        #expect(cache.rows(forKey: key, featureSet: .method2) == [row])
        #expect(cache.rows(forKey: key, featureSet: .method1) == nil)
        let entry = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder)).first!
        let bytes = try Data(contentsOf: URL(fileURLWithPath: entry))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: entry))
        #expect(cache.rows(forKey: key, featureSet: .method2) == nil)
        // Without augmentation the seed does not matter; with it, it does.
        #expect(key == FeatureCache.key(contentHash: "00", featureSet: .method2, augment: false, seed: 7))
        #expect(FeatureCache.key(contentHash: "00", featureSet: .method2, augment: true, seed: 42)
                != FeatureCache.key(contentHash: "00", featureSet: .method2, augment: true, seed: 7))
    }
}

@Suite struct CorpusSubsetTests {
    /// A corpus of 3 speakers × (ANG 4, SAD 2) clips, not read from disk.
    private func corpus() throws -> Corpus {
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/1001_DFA_ANG_XX.wav"))
        var corpus = try Corpus(path: folder)
        corpus.clips = ["1001", "1002", "1003"].flatMap { speaker in
            ["DFA", "IEO", "ITS", "TIE"].map { Clip(path: "\(speaker)_\($0)_ANG_XX.wav", speaker: speaker, sentence: $0, emotion: "ANG", level: "XX") }
                + ["DFA", "IEO"].map { Clip(path: "\(speaker)_\($0)_SAD_XX.wav", speaker: speaker, sentence: $0, emotion: "SAD", level: "XX") }
        }
        return corpus
    }

    @Test func perSpeakerEmotionKeepsEveryPair() throws {
        let full = try corpus()
        let subset = full.subset(perSpeakerEmotion: 1, seed: 3)
        #expect(subset.count == 6)
        #expect(Set(subset.clips.map { "\($0.speaker) \($0.emotion)" }).count == 6)
        #expect(subset.clips == full.clips.filter(subset.clips.contains))  // corpus order
        #expect(full.subset(perSpeakerEmotion: 1, seed: 3).clips == subset.clips)
        #expect(full.subset(perSpeakerEmotion: 10).count == full.count)
    }

    @Test func limitKeepsEachEmotionsShare() throws {
        let full = try corpus()
        let subset = full.subset(limit: 9, seed: 1)
        #expect(subset.count == 9)
        #expect(subset.counts(of: \.emotion).map(\.count) == [6, 3])
        #expect(full.subset(limit: 4).counts(of: \.emotion).map(\.count) == [3, 1])  // 2.67 and 1.33: the larger remainder rounds up
        #expect(full.subset(limit: 100).count == 18 && full.subset(limit: 0).count == 0)
    }
}
