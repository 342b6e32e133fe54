import Moodify
import MoodifyLearn

extension Builtins {
    /// Recording changes for robustness studies: `degrade(a, "white:20")`.
    static let degradation: [Builtin] = [
        Builtin("degrade", [.required("a"), .required("spec"), .named("seed", 42), .named("voices", nil)],
                doc: "The clip as a different recording would give it: resample:RATE (recorded at RATE Hz), stereo, gain:DB (saturating), white:SNR, babble:SNR (voices: a corpus to mix 6 actors from), pad:SECONDS of silence each side.") { args in
            let audio = try args.audio("a")
            let degradation = try Degradation(spec: try args.string("spec")) {
                guard args.optional("voices") != nil else {
                    throw ValueError.invalid("degrade: babble needs voices: a corpus (or folder) to mix other actors from")
                }
                return try args.corpusOrFolder("voices").babble()
            }
            var rng = SeededGenerator(seed: try args.seedOrRandom("seed"))
            return .audio(degradation.apply(to: audio, using: &rng))
        },
    ]
}
