import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// A corpus's features as scripts see them: `.X` (one row per clip or clip version), `.labels`, `.speakers`,
/// `.files`, `.clip`, `.variant`, `.skipped`, …; it converts to its matrix wherever one is expected.
struct FeatureTableObject: HostObject {
    /// The rows and what they came from.
    let table: FeatureTable

    var typeName: String { "FeatureTable" }
    var summary: String { table.summary.components(separatedBy: "\n")[0] }
    var display: String { table.summary }
    var propertyNames: [String] {
        ["X", "augmented", "cached", "clip", "columns", "feature_set", "files", "labels", "originals", "shape", "skipped",
         "speakers", "variant"]
    }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "X": return .matrix(table.X)
        case "augmented": return .bool(table.augmented)
        case "cached": return .number(Double(table.cachedClips))
        case "clip": return .ints(table.clips)
        case "columns": return .strings(table.columns)
        case "feature_set": return .string(table.featureSet)
        case "files": return .strings(table.files)
        case "labels": return .strings(table.labels)
        case "originals": return .ints(table.originalRows)
        case "shape": return .ints(table.X.shape)
        case "skipped":
            return .list(table.skipped.map { .dictionary(ValueDictionary([("file", .string($0.file)), ("reason", .string($0.reason))])) })
        case "speakers": return .strings(table.speakers)
        case "variant": return .strings(table.variants.map { FeatureTable.variantNames[$0] })
        default: return nil
        }
    }

    var methods: [Builtin] {
        [Builtin("row_folds", [.required("clip_folds")],
                 doc: "Row folds from folds over the clips (indices into .originals): train on every version of the training clips, test on the originals of the test clips.") { args in
            .list(try table.rowFolds(clipFolds: try args.foldList("clip_folds")).map { .list([.ints($0.train), .ints($0.test)]) })
        }]
    }

    var length: Int? { table.X.rows }
    var matrixValue: Matrix? { table.X }
}

/// One clip's predicted emotion: `.emotion`, `.probabilities` (class → probability), `.classes`, `.duration`;
/// displayed as the notebooks printed it ("Prediction Probabilities:", then "ANG: 62.93%" lines).
struct PredictionObject: HostObject {
    /// The prediction.
    let prediction: Prediction

    var typeName: String { "Prediction" }
    var summary: String {
        "Prediction \(prediction.emotion) " + String(format: "(%.2f%%)", 100 * (prediction.probabilities[prediction.emotion] ?? 0))
    }
    var display: String { prediction.description }
    var propertyNames: [String] { ["analysed_duration", "classes", "duration", "emotion", "probabilities", "truncated"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "analysed_duration": return .number(prediction.analysedDuration)
        case "classes": return .strings(prediction.classes)
        case "duration": return .number(prediction.duration)
        case "emotion": return .string(prediction.emotion)
        case "probabilities":
            return .dictionary(ValueDictionary(prediction.classes.map { ($0, .number(prediction.probabilities[$0] ?? 0)) }))
        case "truncated": return .bool(prediction.truncated)
        default: return nil
        }
    }
}

extension Arguments {
    /// The argument `name` as a corpus: a Corpus object, or the path of a folder of clips.
    func corpusOrFolder(_ name: String) throws -> Corpus {
        if case .string(let path) = self[name] { return try Corpus(path: path) }
        return try object(name, as: CorpusObject.self, expected: "a Corpus or a folder path").corpus
    }
}

extension Builtins {
    /// Feature tables of whole corpora, predictions from model bundles, and small corpus subsets.
    static let pipeline: [Builtin] = [
        Builtin("features", [.required("a_or_corpus"), .optional("set", "method1"), .named("augment", false), .named("seed", 42),
                             .named("cache", true), .named("degrade", nil)],
                doc: "A clip's feature vector (4 rows with augment), or a corpus's FeatureTable (one row per clip, in parallel, cached in .moodify-cache); degrade: a spec as degrade() takes changes every clip first (babble mixes 6 actors of the corpus picked with seed).") { args in
            let set = try FeatureSet.named(try args.string("set"))
            let augment = try args.bool("augment")
            let seed = try args.seedOrRandom("seed")
            if case .object(let object) = args["a_or_corpus"], let audio = object as? AudioBufferObject {
                guard try args.optionalString("degrade") == nil else {
                    throw ValueError.invalid("features: degrade: applies to a corpus; for one clip use features(degrade(a, spec), …)")
                }
                guard augment else { return .floats(try set.vector(for: audio.buffer)) }
                var rng = SeededGenerator(seed: seed)
                return .matrix(Matrix(rowArrays: try set.rows(for: audio.buffer, augment: true, using: &rng)))
            }
            let corpus = try args.corpusOrFolder("a_or_corpus")
            let degradation = try args.optionalString("degrade").map { try Degradation(spec: $0, voices: { try corpus.babble(seed: seed) }) }
            let extractor = FeatureExtractor(featureSet: set, augment: augment, seed: seed,
                                             cache: try args.bool("cache") ? FeatureCache() : nil, degradation: degradation)
            let table = extractor.extract(corpus)
            if !table.skipped.isEmpty {
                args.interpreter.write("features: skipped \(table.skipped.count) of \(corpus.count) clips that could not be read (see .skipped)\n")
            }
            return .object(FeatureTableObject(table: table))
        },
        Builtin("predict_file", [.required("model"), .required("path")],
                doc: "The emotion of an audio file according to a model bundle (a path, \"default\", or a model from load_model): a Prediction with .emotion and .probabilities.") { args in
            .object(PredictionObject(prediction: try args.classifier("model").predict(file: try args.string("path"))))
        },
        Builtin("corpus_subset", [.required("corpus"), .named("per_speaker_emotion", nil), .named("limit", nil), .named("seed", 42)],
                doc: "A random subset of a corpus for quick runs: per_speaker_emotion: n clips of every actor and emotion, or limit: n clips keeping each emotion's share.") { args in
            let corpus = try args.corpusOrFolder("corpus")
            let seed = try args.seedOrRandom("seed")
            switch (try args.optionalInt("per_speaker_emotion"), try args.optionalInt("limit")) {
            case (let n?, nil): return .object(CorpusObject(corpus: corpus.subset(perSpeakerEmotion: n, seed: seed)))
            case (nil, let n?): return .object(CorpusObject(corpus: corpus.subset(limit: n, seed: seed)))
            default: throw ValueError.invalid("corpus_subset: give exactly one of per_speaker_emotion: or limit:")
            }
        },
    ]
}
