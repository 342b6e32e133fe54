import Foundation

// Every area adds its suite here; `moodify-bench [NAME…]` runs the named ones, or all.
let suites: [BenchmarkSuite] = [
    learnSuite,
    learnLayersSuite,
    learnCVSuite,
    audioSuite,
    featuresSuite,
    chromaSuite,
    pipelineSuite,
]

/// Suites that run only when named (subsets of the ones above, for quick comparisons and profiling).
let namedOnly: [BenchmarkSuite] = [featureSetsSuite, featureBreakdownSuite]

let corpus = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"] ?? "../shared/corpus/crema-d-dev"
let wanted = Set(CommandLine.arguments.dropFirst())
let runByDefault = suites.map(\.name)
for suite in suites + namedOnly where wanted.isEmpty ? runByDefault.contains(suite.name) : wanted.contains(suite.name) {
    do {
        try suite.run(corpus)
    } catch {
        FileHandle.standardError.write(Data("moodify-bench: \(suite.name) failed: \(error)\n".utf8))
        exit(1)
    }
}
