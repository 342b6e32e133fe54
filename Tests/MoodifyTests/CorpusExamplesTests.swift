import Moodify
import Testing

@Suite struct CorpusExamplesTests {
    /// A corpus of the given stems, without touching the disk.
    private func corpus(_ stems: [String]) -> Corpus {
        Corpus(path: "/clips", clips: stems.map { Clip(fileName: "\($0).flac", path: "/clips/\($0).flac")! })
    }

    @Test func takesNamedClipsAndStandsInForMissingOnes() {
        let clips = corpus(["1001_DFA_ANG_XX", "1001_IEO_ANG_HI", "1003_IEO_ANG_LO", "1059_WSI_HAP_XX",
                            "1005_IEO_SAD_XX", "1007_TAI_SAD_XX"])
        let examples = clips.examples(named: ["1002_IEO_ANG_HI", "1059_WSI_HAP_XX", "1060_TAI_SAD_XX",
                                              "1042_IEO_FEA_HI", "not a clip"])
        // ANG: same sentence and level first; HAP: itself; SAD: same sentence; FEA: none in the corpus.
        #expect(examples.map(\.stem) == ["1001_IEO_ANG_HI", "1059_WSI_HAP_XX", "1007_TAI_SAD_XX"])
    }

    @Test func neverRepeatsAClip() {
        let clips = corpus(["1001_DFA_ANG_XX", "1003_IEO_ANG_HI"])
        let examples = clips.examples(named: ["1002_IEO_ANG_HI", "1004_IEO_ANG_HI", "1006_IEO_ANG_HI"])
        #expect(examples.map(\.stem) == ["1003_IEO_ANG_HI", "1001_DFA_ANG_XX"])
    }
}
