import Foundation
import MoodifyLearn
import Testing
@testable import MoodifyScript

@Suite struct PreprocessingBuiltinsTests {
    /// 24 labels from Golden/sklearn/reports.json ("half-way-rounding"), with scikit-learn 1.9.1's report.
    private let truth = "[0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2]"
    private let guess = "[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0]"
    private let sklearnReport = """
                      precision    recall  f1-score   support

                   a       0.25      0.12      0.17         8
                   b       0.30      0.38      0.33         8
                   c       0.50      0.62      0.56         8

            accuracy                           0.38        24
           macro avg       0.35      0.38      0.35        24
        weighted avg       0.35      0.38      0.35        24

        """

    @Test func scalerStandardisesColumnsAndInverts() throws {
        let x = Matrix(rowArrays: [[1, 10, 5], [2, 20, 5], [3, 60, 5], [10, 30, 5]])
        let s = try session("scaler = standard_scaler(X)\nZ = scaler.transform(X)\nB = scaler.inverse_transform(Z)\nm = scaler.mean",
                            ["X": .matrix(x)])
        let z = try matrixVariable(s.interpreter, "Z")
        for c in 0..<2 {
            let column = (0..<4).map { Double(z[$0, c]) }
            let mean = column.reduce(0, +) / 4
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            // Float32 standardisation of four small numbers: exact to a few ulps of 1.
            #expect(abs(mean) < 1e-6)
            #expect(abs(variance - 1) < 1e-5)
        }
        #expect((0..<4).allSatisfy { z[$0, 2] == 0 })  // a constant column keeps scale 1, as scikit-learn's
        let back = try matrixVariable(s.interpreter, "B")
        #expect(zip(back.values, x.values).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(s.interpreter.variable("m") == .list([4, 30, 5]))
    }

    @Test func labelEncoderSortsClassesAsScikitLearn() throws {
        let s = try session("""
            enc = label_encoder(["SAD", "ANG", "HAP", "ANG", "Zed", "apple"])
            c = enc.classes
            codes = enc.codes
            t = enc.transform(["HAP", "SAD"])
            back = enc.inverse_transform([0, 3])
            """)
        #expect(s.interpreter.variable("c") == .strings(["ANG", "HAP", "SAD", "Zed", "apple"]))
        #expect(s.interpreter.variable("codes") == .ints([2, 0, 1, 0, 3, 4]))
        #expect(s.interpreter.variable("t") == .ints([1, 2]))
        #expect(s.interpreter.variable("back") == .strings(["ANG", "Zed"]))
        #expect(errorMessage("label_encoder([\"a\"]).transform([\"b\"])").contains("never seen the label \"b\""))
    }

    @Test func oneHotArgmaxAndTake() throws {
        #expect(try shown("one_hot([2, 0, 1])") == "Matrix 3×3 [[0, 0, 1], [1, 0, 0], [0, 1, 0]]")
        #expect(try shown("one_hot([1], n_classes: 4)") == "Matrix 1×4 [[0, 1, 0, 0]]")
        #expect(try shown("argmax(one_hot([2, 0, 1]))") == "[2, 0, 1]")
        #expect(try shown("take(one_hot([0, 1, 2]), [2, 0])") == "Matrix 2×3 [[0, 0, 1], [1, 0, 0]]")
        #expect(try shown("take([[1, 2], [3, 4], [5, 6]], [2, 0])") == "[[5, 6], [1, 2]]")  // a list's items, as they are
        #expect(try shown("take([\"a\", \"b\", \"c\"], [1, 1])") == "[\"b\", \"b\"]")
        #expect(errorMessage("take([1, 2], [2])") == "take: index 2 is outside 0..<2")
    }

    @Test func vstackPutsRowsAfterRows() throws {
        #expect(try shown("vstack([one_hot([1]), matrix([[7, 8], [9, 10]])])") == "Matrix 3×2 [[0, 1], [7, 8], [9, 10]]")
        #expect(errorMessage("vstack([one_hot([1]), one_hot([2])])") == "vstack: the matrices have different widths: 2, 3")
        #expect(errorMessage("vstack([])") == "vstack: give at least one matrix")
    }

    @Test func classificationReportMatchesScikitLearn() throws {
        #expect(try shown("classification_report(\(truth), \(guess), target_names: [\"a\", \"b\", \"c\"])") == sklearnReport)
        // The same labels as names give the same report (classes sorted).
        let names = "n = [\"a\", \"b\", \"c\"]\nfn named(ys) { out = []\n for v in ys { out = out + [n[v]] }\n return out }\n"
        #expect(try shown(names + "classification_report(named(\(truth)), named(\(guess)))") == sklearnReport)
        // Probability rows are read through their argmax.
        #expect(try shown("classification_report(\(truth), one_hot(\(guess)), target_names: [\"a\", \"b\", \"c\"])") == sklearnReport)
        #expect(try shown("classification_report(\(truth), \(guess), target_names: [\"a\", \"b\", \"c\"], digits: 4)")
            .contains("           a     0.2500    0.1250    0.1667         8"))
    }

    @Test func metricsOverNamesAndIndices() throws {
        let s = try session("""
            acc = accuracy(\(truth), \(guess))
            bal = balanced_accuracy(\(truth), \(guess))
            f1 = f1_score(\(truth), \(guess))
            per = f1_score(\(truth), \(guess), average: nil)
            cm = confusion_matrix(["b", "a", "a"], ["a", "a", "b"])
            cm2 = confusion_matrix(["b", "a", "a"], ["a", "a", "b"], labels: ["b", "a"])
            """)
        #expect(s.interpreter.variable("acc") == .number(0.375))
        #expect(s.interpreter.variable("bal") == .number(0.375))  // equal classes: balanced = plain accuracy
        // Golden macro F1 of this case (reports.json): 0.35185185185185186.
        #expect(s.interpreter.variable("f1") == .number(0.35185185185185186))
        #expect(try (s.interpreter.variable("per") ?? .null).asDoubles().count == 3)
        #expect(try matrixVariable(s.interpreter, "cm") == Matrix(rowArrays: [[1, 1], [1, 0]]))
        #expect(try matrixVariable(s.interpreter, "cm2") == Matrix(rowArrays: [[0, 1], [1, 1]]))
        #expect(errorMessage("accuracy([\"a\"], [1])") == "accuracy: y_true and y_pred must both be names or both be class indices")
        #expect(errorMessage("f1_score([0], [0], average: \"mean\")").contains("average must be"))
    }

    @Test func smoteBalancesClassesAndKeepsNames() throws {
        let (x, y) = separableData(rows: 10, cols: 4)
        // SAD is the minority: 10 ANG rows, 6 SAD rows.
        let keep = (0..<x.rows).filter { y[$0] == 0 || $0 < 12 }
        let labels = keep.map { Value.string(y[$0] == 0 ? "ANG" : "SAD") }
        let s = try session("Xb, yb = smote(X, y, seed: 42)\nXc, yc = smote(X, y, seed: 42)",
                            ["X": .matrix(x.rows(keep)), "y": .list(labels)])
        let xb = try matrixVariable(s.interpreter, "Xb")
        let yb = try (s.interpreter.variable("yb") ?? .null).asStrings()
        #expect(xb.rows == 20 && xb.cols == 4 && yb.count == 20)
        #expect(yb.filter { $0 == "SAD" }.count == 10)
        #expect(Array(xb.values.prefix(16 * 4)) == x.rows(keep).values)  // originals first
        #expect(try matrixVariable(s.interpreter, "Xc") == xb)  // the seed fixes the synthetic rows
        #expect(errorMessage("smote([[1], [2]], [0])").contains("one label per row"))
    }

    @Test func trainTestSplitStratifiesAndKeepsGroupsApart() throws {
        let (x, y) = separableData(rows: 20, cols: 3)
        let groups = (0..<x.rows).map { Value.string("speaker\($0 % 8)") }
        let s = try session("""
            Xtr, Xte, ytr, yte = train_test_split(X, y, test_size: 0.25, stratify: y, seed: 42)
            Gtr, Gte, gtr, gte = train_test_split(X, groups, test_size: 0.25, groups: groups, seed: 1)
            """, ["X": .matrix(x), "y": .ints(y), "groups": .list(groups)])
        let xte = try matrixVariable(s.interpreter, "Xte"), yte = try (s.interpreter.variable("yte") ?? .null).asInts()
        #expect(xte.rows == 10 && yte.count == 10)
        #expect(yte.filter { $0 == 1 }.count == 5)  // 25 % of each class
        #expect(try matrixVariable(s.interpreter, "Xtr").rows == 30)
        // Rows and labels stay paired: each test row is the row of X its label came from.
        for r in 0..<xte.rows {
            let source = (0..<x.rows).first { Array(x.row($0)) == Array(xte.row(r)) }!
            #expect(y[source] == yte[r])
        }
        let trainGroups = Set(try (s.interpreter.variable("gtr") ?? .null).asStrings())
        let testGroups = Set(try (s.interpreter.variable("gte") ?? .null).asStrings())
        #expect(trainGroups.isDisjoint(with: testGroups))
        #expect(testGroups.count == 2)  // ceil(0.25 · 8 speakers)
        #expect(errorMessage("train_test_split([[1], [2]], [0])").contains("X has 2 rows but y has 1"))
    }

    @Test func kFoldSplittersCoverEveryRowOnce() throws {
        let y = (0..<30).map { $0 % 3 }
        let groups = (0..<30).map { Value.string("g\($0 % 10)") }
        let s = try session("""
            a = stratified_kfold(y, n_splits: 5, shuffle: true, seed: 42)
            b = group_kfold(groups, n_splits: 5)
            c = stratified_group_kfold(y, groups, n_splits: 5, shuffle: true, seed: 1)
            """, ["y": .ints(y), "groups": .list(groups)])
        for name in ["a", "b", "c"] {
            guard case .list(let folds)? = s.interpreter.variable(name) else { Issue.record("\(name) is not a list"); continue }
            #expect(folds.count == 5)
            var tested = [Int]()
            for fold in folds {
                guard case .list(let sides) = fold else { continue }
                let train = try sides[0].asInts(), test = try sides[1].asInts()
                #expect(Set(train).isDisjoint(with: test) && train.count + test.count == 30)
                tested += test
            }
            #expect(tested.sorted() == Array(0..<30), "\(name)")
        }
        guard case .list(let folds)? = s.interpreter.variable("a"), case .list(let first)? = folds.first else { return }
        #expect(try first[1].asInts().map { y[$0] }.filter { $0 == 0 }.count == 2)  // 6 test rows, 2 per class
    }

    @Test func pcaProjectsOnTheLeadingComponents() throws {
        // Points along the direction (1, 1, 0) with a little spread in z.
        let x = Matrix(rowArrays: (0..<10).map { (i: Int) -> [Float] in
            let t = Float(i)
            return [t, t + 0.01 * Float(i % 3), 0.1 * Float(i % 2)]
        })
        let s = try session("P = pca(X)\nfit = pca_fit(X, n_components: 2)\nr = fit.explained_variance_ratio\nQ = fit.transform(X)\nC = fit.components",
                            ["X": .matrix(x)])
        let p = try matrixVariable(s.interpreter, "P")
        #expect(p.shape == [10, 2])
        #expect(try matrixVariable(s.interpreter, "Q") == p)
        let ratio = try (s.interpreter.variable("r") ?? .null).asDoubles()
        #expect(ratio[0] > 0.99 && ratio[0] >= ratio[1])
        let c = try matrixVariable(s.interpreter, "C")
        // The first component is (1, 1, 0)/√2 up to the tiny y jitter: 1e-3 covers it.
        #expect(abs(c[0, 0] - 0.7071) < 1e-3 && abs(c[0, 1] - 0.7071) < 1e-3)
    }
}
