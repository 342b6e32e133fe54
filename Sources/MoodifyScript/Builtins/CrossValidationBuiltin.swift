import Foundation
import MoodifyLearn

extension Builtins {
    /// `cross_validate(build, X, y, …)`: k-fold training of a new model per fold, as the notebooks' CV loop.
    static let crossValidateBuiltin = Builtin(
        "cross_validate",
        [.required("build"), .required("X"), .required("y"), .named("folds", 5), .named("groups", nil), .named("oversample", nil),
         .named("augment_rows", nil), .named("seed", 42), .named("n_jobs", 1)] + fitParameters.filter { $0.name != "seed" },
        doc: "Train build() on each fold (5 → stratified, shuffled, grouped with groups; or [train, test] pairs), oversampling the training side only; augment_rows (each row's original row, or a FeatureTable): folds over originals, copies train with their original, only originals tested; n_jobs folds at once (1 by default; nil or -1: every core)."
    ) { args in
        let build = try args.function("build")
        let x = try args.matrix("X")
        let given = try args.labels("y")
        let codes: [Int], names: [String]?
        switch given {
        case .names(let n):
            let (encoder, encoded) = LabelEncoder.fitTransform(n)
            (codes, names) = (encoded, encoder.classes)
        case .indices(let i):
            (codes, names) = (i, nil)
        }
        guard codes.count == x.rows else { throw ValueError.invalid("cross_validate: X has \(x.rows) rows but y has \(codes.count) labels") }
        let seed = try args.seed("seed")
        let splits = try crossValidationSplits(args, codes: codes, origins: try rowOrigins(args, rows: x.rows), seed: seed)
        let oversample = try oversampler(args, seed: seed)
        var fold = 0
        let result = try crossValidate(
            build: {
                fold += 1
                let made = try args.interpreter.call(build, [])
                guard case .object(let model as ModelObject) = made else {
                    throw ValueError.invalid("cross_validate: build must return a model (sequential(…)), got \(made.kindDescription)")
                }
                return try model.copyOfModel(seed: seed.map { $0 &+ UInt64(fold) })
            },
            x: x, y: codes, splits: splits.map { ($0.train, $0.test) }, oversample: oversample,
            options: FitOptions(batchSize: try args.int("batch_size"), seed: seed),
            configureFold: { index, options in
                let foldSeed = options.seed
                options = try args.fitOptions(fold: index + 1)
                options.seed = foldSeed
            },
            jobs: try foldJobs(args),
            foldStart: { index in args.interpreter.write("Fold \(index + 1)\n") },
            foldDone: { index, done in
                args.interpreter.write(String(format: "Validation Accuracy for Fold %d: %.4f\n", index + 1, Double(done.evaluation.accuracy)))
            })
        let (rows, predicted) = result.outOfFold
        func labels(_ codes: [Int]) -> Value { names.map { n in .strings(codes.map { n[$0] }) } ?? .ints(codes) }
        let models = try result.models.map { try ModelObject(bundle: try ModelBundle(model: $0, labels: names)) }
        return .object(CrossValidationObject(
            histories: result.folds.map(\.history), accuracies: result.accuracies, bestFold: result.bestFold,
            bestModel: models[result.bestFold], models: models,
            testIndices: result.folds.map(\.testIndices), outOfFoldRows: rows, yTrue: labels(rows.map { codes[$0] }),
            yPred: labels(predicted), yProba: result.outOfFoldProbabilities,
            foldPredictions: result.folds.map { .list([labels($0.testIndices.map { codes[$0] }), labels($0.predictions)]) }))
    }

    /// The n_jobs argument; nil becomes 1 when a model_checkpoint path has no `{fold}`, since folds trained at
    /// once would then write the same file (an explicit n_jobs above 1 is refused then).
    private static func foldJobs(_ args: Arguments) throws -> Int? {
        let shared = try args.list("callbacks").compactMap { item -> String? in
            guard case .object(let o as CallbackObject) = item, case .modelCheckpoint(let path, _, _, _) = o.kind,
                  !path.contains("{fold}") else { return nil }
            return path
        }.first
        let jobs = try args.optionalInt("n_jobs")
        guard let shared else { return jobs }
        guard let jobs else { return 1 }
        guard jobs == 1 else {
            throw ValueError.invalid("cross_validate: model_checkpoint(\(Display.quoted(shared))) has no {fold}, so folds trained at once would write the same file; add {fold} or use n_jobs: 1")
        }
        return jobs
    }

    /// The argument augment_rows: each row's original row (a list, or a FeatureTable's clip versions), or nil.
    private static func rowOrigins(_ args: Arguments, rows: Int) throws -> RowOrigins? {
        let source: [Int]
        switch args["augment_rows"] {
        case .null: return nil
        case .object(let table as FeatureTableObject): source = table.table.originRows
        default: source = try args.ints("augment_rows")
        }
        guard source.count == rows else {
            throw ValueError.invalid("cross_validate: X has \(rows) rows but augment_rows gives the origin of \(source.count)")
        }
        return try RowOrigins(source: source)
    }

    /// The folds: a number makes stratified (with groups, stratified group) k folds shuffled with the seed;
    /// a list gives `[train_indices, test_indices]` pairs. With row origins, the folds are made over (or given
    /// as positions among) the original rows, then spread to the rows (see `RowOrigins.rowFolds`).
    private static func crossValidationSplits(_ args: Arguments, codes: [Int], origins: RowOrigins?, seed: UInt64?) throws -> [Fold] {
        let folds: [Fold]
        if case .list = args["folds"] {
            folds = try args.foldList("folds")
        } else {
            let n = try args.int("folds")
            let originals = origins?.originals ?? Array(codes.indices)
            let y = originals.map { codes[$0] }
            if args.optional("groups") == nil {
                folds = try StratifiedKFold(splits: n, shuffle: true, seed: seed).split(y)
            } else {
                let groups = try args.groups("groups")
                guard groups.count == codes.count else {
                    throw ValueError.invalid("cross_validate: X has \(codes.count) rows but there are \(groups.count) groups")
                }
                folds = try StratifiedGroupKFold(splits: n, shuffle: true, seed: seed).split(y, groups: originals.map { groups[$0] })
            }
        }
        return try origins?.rowFolds(folds) ?? folds
    }

    /// The oversampling applied to each fold's training side: nil, "smote" (k 5, seeded per fold), or a script
    /// function `f(X, y)` returning `[X, y]`.
    private static func oversampler(_ args: Arguments, seed: UInt64?) throws -> ((Matrix, [Int]) throws -> (Matrix, [Int]))? {
        var calls: UInt64 = 0
        switch args["oversample"] {
        case .null:
            return nil
        case .string("smote"):
            let base = seed ?? .random(in: .min ... .max)
            return { x, y in
                calls += 1
                return try smote(x, y, k: 5, seed: base &+ calls)
            }
        case .function:
            let function = args["oversample"]
            return { x, y in
                let out = try args.interpreter.call(function, [.matrix(x), .ints(y)])
                guard case .list(let pair) = out, pair.count == 2 else {
                    throw ValueError.invalid("cross_validate: oversample must return [X, y], got \(out.kindDescription)")
                }
                let rows = try pair[0].asMatrix(), labels = try pair[1].asInts()
                guard rows.rows == labels.count, rows.cols == x.cols else {
                    throw ValueError.invalid("cross_validate: oversample returned \(rows.rows)×\(rows.cols) rows and \(labels.count) labels for \(x.cols) columns")
                }
                return (rows, labels)
            }
        default:
            throw ValueError.argumentType(function: args.function, parameter: "oversample", expected: "nil, \"smote\" or a function",
                                          got: args["oversample"].kindDescription)
        }
    }
}

extension Arguments {
    /// The argument `name` as a list of `[train_indices, test_indices]` pairs.
    func foldList(_ name: String) throws -> [Fold] {
        try list(name).enumerated().map { i, pair in
            guard case .list(let sides) = pair, sides.count == 2 else {
                throw ValueError.invalid("\(function): fold \(i + 1) must be [train_indices, test_indices], got \(pair.kindDescription)")
            }
            return Fold(train: try sides[0].asInts(), test: try sides[1].asInts())
        }
    }
}
