import MoodifyLearn

extension Builtins {
    /// Train/test splits and k-fold splitters (lists of `[train_indices, test_indices]`).
    static let splitters: [Builtin] = [
        Builtin("train_test_split", [.required("X"), .required("y"), .named("test_size", 0.25), .named("stratify", nil),
                                     .named("seed", nil), .named("groups", nil), .named("shuffle", true)],
                doc: "[X_train, X_test, y_train, y_test]; stratify: labels (or true for y) keeps class shares, groups: keeps each group on one side.") { args in
            let x = args["X"], y = args["y"]
            guard let n = rowCount(x) else { throw ValueError.argumentType(function: args.function, parameter: "X", expected: "a matrix or a list", got: x.kindDescription) }
            guard rowCount(y) == n else { throw ValueError.invalid("train_test_split: X has \(n) rows but y has \(rowCount(y).map(String.init) ?? "none")") }
            let testSize = try args.number("test_size"), seed = try args.seedOrRandom("seed")
            let split: (train: [Int], test: [Int])
            if args.optional("groups") != nil {
                guard args.optional("stratify") == nil else {
                    throw ValueError.invalid("train_test_split: give stratify or groups, not both (use stratified_group_kfold for both)")
                }
                let groups = try args.groups("groups")
                guard groups.count == n else { throw ValueError.invalid("train_test_split: X has \(n) rows but there are \(groups.count) groups") }
                split = try groupTrainTestSplit(groups: groups, testSize: testSize, seed: seed)
            } else {
                let stratify: [Int]?
                switch args["stratify"] {
                case .null, .bool(false): stratify = nil
                case .bool(true): stratify = try args.labels("y").encoded.codes
                default: stratify = try args.labels("stratify").encoded.codes
                }
                split = try trainTestSplit(count: n, testSize: testSize, stratify: stratify, shuffle: try args.bool("shuffle"), seed: seed)
            }
            let f = args.function
            return .list([try take(x, split.train, function: f), try take(x, split.test, function: f),
                          try take(y, split.train, function: f), try take(y, split.test, function: f)])
        },
        Builtin("stratified_kfold", [.required("y"), .optional("n_splits", 5), .named("shuffle", false), .named("seed", nil)],
                doc: "Stratified k folds of y (scikit-learn's StratifiedKFold) as a list of [train_indices, test_indices].") { args in
            let splitter = StratifiedKFold(splits: try args.int("n_splits"), shuffle: try args.bool("shuffle"), seed: try args.seed("seed"))
            return foldsValue(try splitter.split(try args.labels("y").encoded.codes))
        },
        Builtin("group_kfold", [.required("groups"), .optional("n_splits", 5)],
                doc: "K folds that never split a group (scikit-learn's GroupKFold) as a list of [train_indices, test_indices].") { args in
            foldsValue(try GroupKFold(splits: try args.int("n_splits")).split(groups: try args.groups("groups")))
        },
        Builtin("stratified_group_kfold", [.required("y"), .required("groups"), .optional("n_splits", 5),
                                           .named("shuffle", false), .named("seed", nil)],
                doc: "K group folds keeping class shares even (scikit-learn's StratifiedGroupKFold) as [train_indices, test_indices] pairs.") { args in
            let splitter = StratifiedGroupKFold(splits: try args.int("n_splits"), shuffle: try args.bool("shuffle"), seed: try args.seed("seed"))
            return foldsValue(try splitter.split(try args.labels("y").encoded.codes, groups: try args.groups("groups")))
        },
    ]
}
