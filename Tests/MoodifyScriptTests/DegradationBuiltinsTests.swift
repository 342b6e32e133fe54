import Foundation
import Moodify
import MoodifyAudio
import MoodifyLearn
import Testing
@testable import MoodifyScript

@Suite struct DegradationBuiltinsTests {
    @Test func degradeChangesAClipAsTheSpecSays() throws {
        let i = Interpreter { _ in }
        let tone = AudioBuffer(samples: (0..<22050).map { 0.4 * Float(sin(Double($0) * 0.0627)) }, sampleRate: 22050)
        i.setVariable("a", .audio(tone))
        #expect(try i.run("degrade(a, \"resample:8000\").sr") == 8000)
        #expect(try i.run("len(degrade(a, \"pad:1\").samples)") == 66150)
        var rng = SeededGenerator(seed: 9)
        #expect(try i.run("degrade(a, \"white:20\", seed: 9).samples")
                == .floats(Degradation.whiteNoise(snr: 20).apply(to: tone, using: &rng).samples))
        #expect(errorMessageIn(i, "degrade(a, \"echo\")").contains("Unknown degradation \"echo\""))
        #expect(errorMessageIn(i, "degrade(a, \"babble:20\")") == "degrade: babble needs voices: a corpus (or folder) to mix other actors from")
        #expect(errorMessageIn(i, "features(a, degrade: \"stereo\")").contains("for one clip use features(degrade(a, spec)"))
    }
}
