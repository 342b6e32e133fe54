import Moodify

extension Builtins {
    /// Helpers the notebooks use to pick their example clips.
    static let notebook: [Builtin] = [
        Builtin("example_clips", [.required("corpus"), .required("names")],
                doc: "Paths of the named clips (e.g. \"1002_IEO_ANG_HI\") where the corpus has them, else a clip of the same emotion.") { args in
            .strings(try args.corpus("corpus").examples(named: try args.strings("names")).map(\.path))
        },
    ]
}
