import Foundation
import Moodify

// As moodify-repl and moodify-web run: freed large buffers stay in the heap.
keepLargeBuffersInHeap()

// Every area adds its suite here; `moodify-bench [NAME…]` runs the named ones, or all but those run only when named.
let suites: [BenchmarkSuite] = [
    learnSuite,
    learnLayersSuite,
    learnCVSuite,
    learnMemorySuite,
    audioSuite,
    featuresSuite,
    chromaSuite,
    pipelineSuite,
    featureSetsSuite,
    featureBreakdownSuite,
]

let corpus = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"] ?? "../shared/corpus/crema-d-dev"
let wanted = Set(CommandLine.arguments.dropFirst())
for suite in suites where wanted.contains(suite.name) || (wanted.isEmpty && !suite.onlyWhenNamed) {
    do {
        try suite.run(corpus)
    } catch {
        FileHandle.standardError.write(Data("moodify-bench: \(suite.name) failed: \(error)\n".utf8))
        exit(1)
    }
}
