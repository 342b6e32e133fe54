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

let corpus = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"] ?? "../shared/corpus/crema-d-dev"
let wanted = Set(CommandLine.arguments.dropFirst())
for suite in suites where wanted.isEmpty || wanted.contains(suite.name) {
    do {
        try suite.run(corpus)
    } catch {
        FileHandle.standardError.write(Data("moodify-bench: \(suite.name) failed: \(error)\n".utf8))
        exit(1)
    }
}
