import Foundation
import MoodifyLearn
import Testing
@testable import MoodifyScript

@Suite struct NetworkBuiltinsTests {
    /// A small CNN for `[16, 1]` inputs and two classes.
    private let cnn = """
        fn build() {
            return sequential([conv1d(4, 3, activation: "relu"), batch_norm(), max_pool1d(2), dropout(0.1), flatten(),
                               dense(8, activation: "relu", l2: 0.001), dense(2, activation: "softmax")], seed: 7)
        }
        """

    private var data: [String: Value] {
        let (x, y) = separableData(rows: 20, cols: 16)
        return ["X": .matrix(x), "y": .ints(y)]
    }

    @Test func aSmallCNNLearnsSeparableData() throws {
        let s = try session(cnn + """

            m = build()
            h = m.fit(X, one_hot(y), optimizer: adam(lr: 0.01), validation: [X, y], epochs: 12, batch_size: 8, seed: 1,
                      callbacks: [reduce_lr_on_plateau(patience: 2)])
            score = m.evaluate(X, y)
            acc = accuracy(y, argmax(m.predict(X)))
            shape = m.input_shape
            text = m.summary()
            h
            """, data)
        guard case .number(let acc)? = s.interpreter.variable("acc") else { Issue.record("no accuracy"); return }
        #expect(acc >= 0.95)  // two classes that ramp in opposite directions: trivially separable
        guard case .list(let score)? = s.interpreter.variable("score") else { Issue.record("no score"); return }
        #expect(score.count == 2 && score[1] == .number(acc))  // evaluate's accuracy is predict's
        #expect(s.interpreter.variable("shape") == .ints([16, 1]))  // a 2-D matrix read as [rows, 16, 1]
        guard case .object(let history as HistoryObject)? = s.interpreter.variable("h") else { Issue.record("no history"); return }
        #expect(history.history.epochs == 12)
        for key in ["loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds_per_epoch"] {
            #expect(try (history.property(key) ?? .null).asDoubles().count == 12, "\(key)")
        }
        let display = try #require(s.display)
        #expect(display.hasPrefix("History of 12 epochs"))
        #expect(display.contains("epoch        loss         accuracy     val_loss     val_accuracy lr"))
        let summary = try (s.interpreter.variable("text") ?? .null)
        #expect(Display.str(summary).contains("conv1d (Conv1D)"))
        #expect(s.output.isEmpty)  // no progress lines without a terminal
    }

    @Test func crossValidateTrainsEveryFoldAndPredictsEveryRow() throws {
        let folder = scratchPath("checkpoints")
        let s = try session(cnn + """

            fn optimizer() { return adam(lr: 0.01) }
            cv = cross_validate(build, X, y, folds: 3, epochs: 4, batch_size: 8, optimizer: optimizer, oversample: "smote",
                                callbacks: [early_stopping(patience: 2), model_checkpoint("\(folder)/fold{fold}.mdfy")])
            hist = cv.histories
            cm = confusion_matrix(cv.y_true, cv.y_pred)
            fold_scores = []
            for pair in cv.fold_predictions { fold_scores = fold_scores + [accuracy(pair[0], pair[1])] }
            cv
            """, data)
        guard case .object(let cv as CrossValidationObject)? = s.interpreter.variable("cv") else { Issue.record("no result"); return }
        #expect(cv.histories.count == 3)
        #expect(cv.outOfFoldRows == Array(0..<40))
        #expect(try cv.yTrue.asInts() == (0..<40).map { $0 % 2 })
        #expect(try cv.yPred.asInts().count == 40)
        #expect((0..<3).contains(cv.bestFold))
        #expect(cv.accuracies[cv.bestFold] == cv.accuracies.max())
        // Each fold's [y_true, y_pred] pair scores exactly that fold's accuracy.
        let foldScores = try (s.interpreter.variable("fold_scores") ?? .null).asDoubles()
        #expect(foldScores.count == 3)
        for (score, accuracy) in zip(foldScores, cv.accuracies) { #expect(abs(score - Double(accuracy)) < 1e-6) }
        // The out-of-fold predictions reproduce the mean fold accuracy (folds of 13–14 rows: weighted vs plain mean, 0.01).
        let cm = try matrixVariable(s.interpreter, "cm")
        #expect(cm.values.reduce(0, +) == 40)
        #expect(abs(Double(cm[0, 0] + cm[1, 1]) / 40 - cv.mean) < 0.01)
        for n in 1...3 {
            #expect(s.output.contains("Fold \(n)\n"))
            #expect(s.output.contains(String(format: "Validation Accuracy for Fold %d: %.4f\n", n, Double(cv.accuracies[n - 1]))))
            #expect(FileManager.default.fileExists(atPath: "\(folder)/fold\(n).mdfy"))
        }
        let display = try #require(s.display)
        #expect(display.hasPrefix("Fold-wise Accuracy:\nFold 1 "))
        let best = try cv.bestModel.withModel { try $0.predict(Matrix(rowArrays: [[Float](repeating: 0, count: 16)])) }
        #expect(best.shape == [1, 2])
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func crossValidateTakesExplicitSplitsAndNamedLabels() throws {
        let (x, y) = separableData(rows: 6, cols: 16)
        let names = Value.strings(y.map { $0 == 0 ? "ANG" : "SAD" })
        let s = try session(cnn + """

            splits = [[[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11]], [[4, 5, 6, 7, 8, 9, 10, 11], [0, 1, 2, 3]]]
            fn oversample(X, y) {
                print("oversampling \\(len(y)) rows")
                return smote(X, y, k_neighbors: 2, seed: 1)
            }
            cv = cross_validate(build, X, names, folds: splits, epochs: 1, oversample: oversample, class_weight: "balanced")
            """, ["X": .matrix(x), "names": names])
        // The function sees each fold's 8 training rows only, never the test rows.
        #expect(s.output.components(separatedBy: "oversampling 8 rows\n").count == 3)
        guard case .object(let cv as CrossValidationObject)? = s.interpreter.variable("cv") else { Issue.record("no result"); return }
        #expect(cv.histories.count == 2)
        #expect(cv.outOfFoldRows == [0, 1, 2, 3, 8, 9, 10, 11])
        #expect(try cv.yTrue.asStrings() == ["ANG", "SAD", "ANG", "SAD", "ANG", "SAD", "ANG", "SAD"])
        #expect(cv.bestModel.labels == ["ANG", "SAD"])
    }

    @Test func crossValidateWithGroupsKeepsEachSpeakerInOneFold() throws {
        var variables = data
        let speakers = (0..<40).map { "actor\($0 % 6)" }
        variables["speakers"] = .strings(speakers)
        let s = try session(cnn + "\ncv = cross_validate(build, X, y, folds: 3, groups: speakers, epochs: 1)", variables)
        guard case .object(let cv as CrossValidationObject)? = s.interpreter.variable("cv") else { Issue.record("no result"); return }
        var seen = Set<String>()
        for test in cv.testIndices {
            let groups = Set(test.map { speakers[$0] })
            #expect(seen.isDisjoint(with: groups))  // a speaker's rows are tested in one fold only
            seen.formUnion(groups)
        }
        #expect(seen.count == 6 && cv.outOfFoldRows == Array(0..<40))
    }

    @Test func saveAndLoadRoundTripGivesIdenticalPredictions() throws {
        let path = scratchPath("model") + "/m.mdfy"
        let s = try session(cnn + """

            m = build()
            h = m.fit(X, y, epochs: 2, batch_size: 8, seed: 3, class_weight: ["0": 1, "1": 2], shuffle: false, verbose: 0)
            scaler = standard_scaler(X)
            enc = label_encoder(["ANG", "SAD"])
            p = save_model(m, "\(path)", scaler: scaler, labels: enc, features: "method1", metadata: ["folds": 5])
            back = load_model(p)
            same = back.predict(X) == m.predict(X)
            info = [back.labels, back.feature_set, back.metadata, back.scaler.mean == scaler.mean]
            """, data)
        #expect(s.interpreter.variable("same") == .bool(true))
        #expect(s.interpreter.variable("info") == .list([.strings(["ANG", "SAD"]), "method1", .dictionary(ValueDictionary([("folds", "5")])), true]))

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        // The size it should have is read from the header (header plus weights), so only the start and end are fixed.
        let message = errorMessage("load_model(\"\(path)\")")
        #expect(message.hasPrefix("load_model: The model bundle is truncated: it should hold "))
        #expect(message.hasSuffix(" bytes but holds \(bytes.count / 2)."))
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    @Test func plotHistoryReadsHistoriesAndCrossValidation() throws {
        let folder = scratchPath("plots")
        let s = try session(cnn + """

            m = build()
            h = m.fit(X, y, validation: [X, y], epochs: 2, seed: 1)
            one = plot_history(h, to: "\(folder)/one.png")
            cv = cross_validate(build, X, y, folds: 2, epochs: 2)
            all = plot_history(cv, to: "\(folder)/folds.png")
            """, data)
        for name in ["one", "all"] {
            guard case .string(let path)? = s.interpreter.variable(name) else { Issue.record("\(name) is not a path"); continue }
            #expect(FileManager.default.fileExists(atPath: path))
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func crossValidationKeepsEveryFoldsModel() throws {
        let s = try session(cnn + """

            cv = cross_validate(build, X, y, folds: 3, epochs: 2)
            count = len(cv.models)
            same = true
            for i, test in enumerate(cv.test_indices) {
                same = same and list(argmax(cv.models[i].predict(take(X, test)))) == list(cv.fold_predictions[i][1])
            }
            best = list(argmax(cv.best_model.predict(X))) == list(argmax(cv.models[cv.best_fold - 1].predict(X)))
            """, data)
        #expect(s.interpreter.variable("count") == 3)
        #expect(s.interpreter.variable("same") == .bool(true))
        #expect(s.interpreter.variable("best") == .bool(true))
    }

    @Test func ctrlCStopsTrainingBetweenEpochs() throws {
        let printed = Printed()
        let interpreter = Interpreter { printed.text += $0 }
        interpreter.interruption = { printed.text.contains("stop") }
        let (x, y) = separableData(rows: 4, cols: 16)
        interpreter.setVariable("X", .matrix(x))
        interpreter.setVariable("y", .ints(y))
        _ = try interpreter.run(cnn + "\nm = build()")
        // One statement: the interpreter checks between statements, the fit between epochs.
        do {
            _ = try interpreter.run("r = [print(\"stop\"), m.fit(X, y, epochs: 3)]")
            Issue.record("the fit was not interrupted")
        } catch {
            #expect(error.message == "fit: training interrupted before epoch 1")
        }
    }

    @Test func crossValidateWithTwoJobsMatchesOneAndPrintsFoldsInOrder() throws {
        func run(jobs: Int) throws -> (cv: CrossValidationObject, output: String) {
            let s = try session(cnn + """

                cv = cross_validate(build, X, y, folds: 3, epochs: 3, batch_size: 8, n_jobs: \(jobs), oversample: "smote",
                                    callbacks: [early_stopping(patience: 1), reduce_lr_on_plateau(patience: 1)])
                """, data)
            guard case .object(let cv as CrossValidationObject)? = s.interpreter.variable("cv") else { throw ValueError.invalid("no result") }
            return (cv, s.output)
        }
        let one = try run(jobs: 1), two = try run(jobs: 2)
        #expect(one.cv.histories.map(\.loss) == two.cv.histories.map(\.loss))  // bit for bit: same seeds, same chunks
        #expect(one.cv.histories.map(\.valLoss) == two.cv.histories.map(\.valLoss))
        #expect(one.cv.accuracies == two.cv.accuracies && one.cv.bestFold == two.cv.bestFold)
        let lines = (1...3).map { String(format: "Fold %d\nValidation Accuracy for Fold %d: %.4f\n", $0, $0, Double(two.cv.accuracies[$0 - 1])) }
        #expect(two.output == lines.joined() && one.output == two.output)
    }

    @Test func crossValidateRefusesConcurrentFoldsWritingOneCheckpoint() throws {
        let path = scratchPath("shared") + "/best.mdfy"
        let code = cnn + "\ncv = cross_validate(build, X, y, folds: 2, epochs: 1, n_jobs: 2, callbacks: [model_checkpoint(\"\(path)\")])"
        let error = try #require(throws: ScriptError.self) { try session(code, data) }
        #expect(error.message.contains("has no {fold}, so folds trained at once would write the same file"))
        // Without n_jobs the folds run one at a time, as before.
        _ = try session(code.replacingOccurrences(of: "n_jobs: 2, ", with: ""), data)
        #expect(FileManager.default.fileExists(atPath: path))
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func ctrlCStopsConcurrentFolds() throws {
        // Ctrl-C pressed once training has begun: the first question from a fold's thread answers yes.
        let stop = LockedFlag(), caller = pthread_self()
        let interpreter = Interpreter { _ in }
        interpreter.interruption = {
            if pthread_equal(pthread_self(), caller) == 0 { stop.set() }
            return stop.isSet
        }
        let (x, y) = separableData(rows: 20, cols: 16)
        interpreter.setVariable("X", .matrix(x))
        interpreter.setVariable("y", .ints(y))
        _ = try interpreter.run(cnn)
        do {
            _ = try interpreter.run("cv = cross_validate(build, X, y, folds: 3, epochs: 3, n_jobs: 2)")
            Issue.record("the cross-validation was not interrupted")
        } catch {
            #expect(error.message == "cross_validate: training interrupted before epoch 1")
        }
    }

    @Test func inputShapeBuildsAtOnce() throws {
        // Dense(2) on 3 inputs: 3·2 weights + 2 biases.
        #expect(try shown("sequential([dense(2)], input_shape: [3]).count_params") == "8")
        #expect(try shown("sequential([dense(2)]).input_shape == nil") == "true")
    }

    @Test func badArgumentsGetOneClearSentence() {
        #expect(errorMessage("conv1d(0, 3)") == "conv1d: Invalid argument: Conv1D: filters must be positive, got 0.")
        #expect(errorMessage("dense(4, activation: \"tanh\")")
            == "dense: activation must be one of \"linear\", \"relu\", \"softmax\", got \"tanh\"")
        #expect(errorMessage("sequential([1])") == "sequential: layers must hold layers such as dense(…), got a number")
        #expect(errorMessage("sequential([dense(2)]).fit([[1]], [\"a\"])").contains("encode them with label_encoder"))
        #expect(errorMessage("early_stopping(mode: \"up\")").contains("mode must be"))
        #expect(errorMessage("sequential([dense(2)]).fit([[1]], [0], class_weight: \"even\")").contains("expected nil, \"balanced\""))
        #expect(errorMessage("cross_validate(1, [[1]], [0], oversample: \"adasyn\")").contains("expected a function for build"))
    }
}

/// A flag set from one thread and read from others (the folds' threads ask the interruption check).
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag.
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    /// Whether it was set.
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

@Suite struct AugmentedCrossValidationTests {
    /// 12 original rows (rows 0–11, two classes, two per speaker) and two augmented copies of each (rows 12–35,
    /// copy r of original (r − 12) / 2); column 0 holds 1000 + the row index so training rows can be recognised.
    private var variables: [String: Value] {
        let (x, y) = separableData(rows: 6, cols: 16)
        let source = Array(0..<12) + (0..<24).map { $0 / 2 }
        var values = [Float]()
        for (row, origin) in source.enumerated() { values += [Float(1000 + row)] + x.row(origin).dropFirst() }
        return ["X": .matrix(Matrix(rows: 36, cols: 16, values: values)), "y": .ints(source.map { y[$0] }), "source": .ints(source),
                "speakers": .strings(source.map { "actor\($0 / 2)" })]
    }

    private let code = """
        fn build() {
            return sequential([flatten(), dense(4, activation: "relu"), dense(2, activation: "softmax")], seed: 7)
        }
        fn oversample(X, y) {
            ids = []
            for i in range(len(y)) { ids = ids + [int(X[i, 0]) - 1000] }
            print(ids)
            return [X, y]
        }
        """

    /// The training rows each fold's oversampler saw, parsed from its printed lists.
    private func trainingRows(_ output: String) -> [Set<Int>] {
        output.split(separator: "\n").filter { $0.hasPrefix("[") }.map { line in
            Set(line.dropFirst().dropLast().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces))! })
        }
    }

    @Test(arguments: ["source", "groups: speakers, augment_rows: source"])
    func copiesOfTestedRowsNeverTrainAndOnlyOriginalsAreTested(_ extra: String) throws {
        let arguments = extra == "source" ? "augment_rows: source" : extra
        let s = try session(code + "\ncv = cross_validate(build, X, y, folds: 3, epochs: 1, oversample: oversample, \(arguments))", variables)
        guard case .object(let cv as CrossValidationObject)? = s.interpreter.variable("cv") else { Issue.record("no result"); return }
        let source = Array(0..<12) + (0..<24).map { $0 / 2 }
        let training = trainingRows(s.output)
        #expect(training.count == 3)
        for (test, train) in zip(cv.testIndices, training) {
            #expect(test.allSatisfy { $0 < 12 })  // originals only
            // Every version of every other original trains; nothing made from a tested row does.
            #expect(train == Set(source.indices.filter { !test.contains(source[$0]) }))
        }
        #expect(cv.outOfFoldRows == Array(0..<12))
        #expect(cv.yProba.shape == [12, 2])
        #expect(cv.yProba.rows(Array(0..<12)).argmaxRows() == (try cv.yPred.asInts()))  // y_pred is y_proba's argmax
        if extra.contains("groups") {
            for test in cv.testIndices { #expect(Set(test.map { $0 / 2 }).count * 2 == test.count) }  // whole speakers
        }
    }

    @Test func aSeededCrossValidationRepeatsWithUnseededBuiltModels() throws {
        // build returns a model built at once (input_shape) without a seed: each fold re-initialises it from the
        // cross-validation's seed, so two runs agree; a trained model keeps its weights.
        let unseeded = """
            fn build() { return sequential([flatten(), dense(4, activation: "relu"), dense(2, activation: "softmax")], input_shape: [16]) }
            a = cross_validate(build, X, y, folds: 3, epochs: 1, augment_rows: source, seed: 5)
            b = cross_validate(build, X, y, folds: 3, epochs: 1, augment_rows: source, seed: 5)
            m = build()
            m.fit(X, y, epochs: 1, seed: 1)
            before = m.predict(X)
            fn trained() { return m }
            c = cross_validate(trained, X, y, folds: [[[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11]]], epochs: 0, augment_rows: source, seed: 5)
            """
        let s = try session(unseeded, variables)
        guard case .object(let a as CrossValidationObject)? = s.interpreter.variable("a"),
              case .object(let b as CrossValidationObject)? = s.interpreter.variable("b"),
              case .object(let c as CrossValidationObject)? = s.interpreter.variable("c") else { Issue.record("no results"); return }
        #expect(a.yProba == b.yProba)
        let before = try matrixVariable(s.interpreter, "before")
        #expect(c.yProba == before.rows([8, 9, 10, 11]))  // 0 epochs: the trained weights, copied
    }

    @Test func augmentRowsNeedsOneOriginPerRow() throws {
        let interpreter = Interpreter { _ in }
        for (name, value) in variables { interpreter.setVariable(name, value) }
        #expect(errorMessageIn(interpreter, code + "\ncv = cross_validate(build, X, y, augment_rows: [0, 0])")
            == "cross_validate: X has 36 rows but augment_rows gives the origin of 2")
    }
}
