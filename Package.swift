// swift-tools-version:6.0
import PackageDescription

/// A system library wrapped by a module map and a one-line shim header.
func systemLibrary(_ name: String, pkgConfig: String, apt: [String]) -> Target {
    .systemLibrary(name: name, pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
    name: "Moodify",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    ],
    targets: [
        systemLibrary("CFFTW", pkgConfig: "fftw3f", apt: ["libfftw3-dev"]),
        systemLibrary("CSndFile", pkgConfig: "sndfile", apt: ["libsndfile1-dev"]),
        systemLibrary("CSoxr", pkgConfig: "soxr", apt: ["libsoxr-dev"]),
        systemLibrary("COpenBLAS", pkgConfig: "openblas", apt: ["libopenblas-dev"]),
        systemLibrary("CEditLine", pkgConfig: "libedit", apt: ["libedit-dev"]),
        systemLibrary("CPNG", pkgConfig: "libpng", apt: ["libpng-dev"]),
        systemLibrary("CFreeType", pkgConfig: "freetype2", apt: ["libfreetype-dev"]),

        .target(name: "MoodifyAudio", dependencies: ["CSndFile", "CSoxr"]),
        .target(name: "CMoodifyKernels"),
        .target(name: "MoodifyDSP", dependencies: ["MoodifyAudio", "CFFTW", "CMoodifyKernels"]),
        .target(name: "MoodifyLearn", dependencies: ["COpenBLAS"]),
        .target(name: "MoodifyPlot", dependencies: ["CPNG", "CFreeType"]),
        .target(name: "MoodifyMusic", resources: [.process("Resources")]),
        .target(name: "Moodify", dependencies: ["MoodifyAudio", "MoodifyDSP", "MoodifyLearn"]),
        .target(name: "MoodifyScript", dependencies: ["Moodify", "MoodifyAudio", "MoodifyDSP", "MoodifyLearn", "MoodifyPlot", "MoodifyMusic"]),
        .executableTarget(name: "moodify-repl", dependencies: [
            "MoodifyScript", "Moodify", "CEditLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "MoodifyWeb", dependencies: ["Moodify", "MoodifyAudio", "MoodifyMusic", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOPosix", package: "swift-nio")], resources: [.copy("Resources")]),
        .executableTarget(name: "moodify-web", dependencies: ["MoodifyWeb", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "moodify-bench", dependencies: ["Moodify", "MoodifyLearn", "MoodifyAudio", "MoodifyDSP", "CFFTW"]),

        .testTarget(name: "MoodifyAudioTests", dependencies: ["MoodifyAudio"], resources: [.copy("Golden")]),
        .testTarget(name: "MoodifyDSPTests", dependencies: ["MoodifyDSP"], resources: [.copy("Golden")]),
        .testTarget(name: "MoodifyLearnTests", dependencies: ["MoodifyLearn"], resources: [.copy("Golden")]),
        .testTarget(name: "MoodifyPlotTests", dependencies: ["MoodifyPlot", "CPNG"], resources: [.copy("Reference")]),
        .testTarget(name: "MoodifyMusicTests", dependencies: ["MoodifyMusic"]),
        .testTarget(name: "MoodifyTests", dependencies: ["Moodify"]),
        .testTarget(name: "MoodifyScriptTests", dependencies: ["MoodifyScript"], resources: [.copy("Fixtures")]),
        .testTarget(name: "moodify-replTests", dependencies: ["moodify-repl"]),
        .testTarget(name: "MoodifyWebTests", dependencies: ["MoodifyWeb", "Moodify", "MoodifyAudio", "MoodifyLearn", "MoodifyMusic", .product(name: "HummingbirdTesting", package: "hummingbird")]),
    ],
    swiftLanguageModes: [.v6]
)

// Strict concurrency and the same warnings for every Swift target, set once here.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("ExistentialAny")]
}

// Every source folder carries a README.md for people, not for the compiler.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.exclude.append("README.md")
}
