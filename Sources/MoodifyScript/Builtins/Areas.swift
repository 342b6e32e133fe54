extension Builtins {
    /// Every area's builtins. One entry per line, blank lines between, so branches merge without conflicts:
    /// an area uncomments (or adds) its own line only.
    public static let areas: [[Builtin]] = [
        core,

        data,

        audio,

        features,

        chroma,

        preprocessing,

        network,

        plots,

        music,

        pipeline,

        notebook,

        degradation,

        evaluation,
    ]
}
