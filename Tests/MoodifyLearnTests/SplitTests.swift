import Foundation
import Testing
@testable import MoodifyLearn

@Suite("train/test split and k-fold splitters")
struct SplitTests {
    /// Every row is tested exactly once and each fold trains on the sorted complement of its test rows.
    func expectPartition(_ folds: [Fold], count: Int) {
        var seen = [Int](repeating: 0, count: count)
        for fold in folds {
            for row in fold.test { seen[row] += 1 }
            let testSet = Set(fold.test)
            #expect(fold.train == (0..<count).filter { !testSet.contains($0) })
            #expect(fold.test == fold.test.sorted())
        }
        #expect(seen.allSatisfy { $0 == 1 })
    }

    @Test("StratifiedKFold without shuffling equals scikit-learn's folds")
    func stratifiedGolden() throws {
        let g = try SklearnGolden.load("splits", as: SklearnGolden.Splits.self)
        let corpus = try StratifiedKFold(splits: 5).split(g.corpus.y)
        #expect(corpus.map(\.test) == g.stratifiedKFold["corpus5"])
        expectPartition(corpus, count: g.corpus.y.count)
        #expect(try StratifiedKFold(splits: 5).split(g.small.y).map(\.test) == g.stratifiedKFold["small5"])
        #expect(try StratifiedKFold(splits: 3).split(g.small.y).map(\.test) == g.stratifiedKFold["small3"])
    }

    @Test("StratifiedKFold shuffling keeps the per-class fold sizes and is repeatable for a seed")
    func stratifiedShuffle() throws {
        let g = try SklearnGolden.load("splits", as: SklearnGolden.Splits.self)
        let plain = try StratifiedKFold(splits: 5).split(g.corpus.y)
        let shuffled = try StratifiedKFold(splits: 5, shuffle: true, seed: 42).split(g.corpus.y)
        expectPartition(shuffled, count: g.corpus.y.count)
        func perClass(_ fold: Fold) -> [Int] {
            var counts = [Int](repeating: 0, count: 6)
            for row in fold.test { counts[g.corpus.y[row]] += 1 }
            return counts
        }
        #expect(plain.map(perClass) == shuffled.map(perClass))
        #expect(plain.map(\.test) != shuffled.map(\.test))
        #expect(try StratifiedKFold(splits: 5, shuffle: true, seed: 42).split(g.corpus.y) == shuffled)
        #expect(try StratifiedKFold(splits: 5, shuffle: true, seed: 7).split(g.corpus.y) != shuffled)
    }

    @Test("GroupKFold equals scikit-learn's largest-group-first folds")
    func groupGolden() throws {
        let g = try SklearnGolden.load("splits", as: SklearnGolden.Splits.self)
        let corpus = try GroupKFold(splits: 5).split(groups: g.corpus.groups)
        #expect(corpus.map(\.test) == g.groupKFold["corpus5"])
        expectPartition(corpus, count: g.corpus.groups.count)
        #expect(try GroupKFold(splits: 3).split(groups: g.small.groups).map(\.test) == g.groupKFold["small3"])
    }

    @Test("StratifiedGroupKFold without shuffling equals scikit-learn's folds")
    func stratifiedGroupGolden() throws {
        let g = try SklearnGolden.load("splits", as: SklearnGolden.Splits.self)
        let corpus = try StratifiedGroupKFold(splits: 5).split(g.corpus.y, groups: g.corpus.groups)
        #expect(corpus.map(\.test) == g.stratifiedGroupKFold["corpus5"])
        expectPartition(corpus, count: g.corpus.y.count)
    }

    @Test("shuffled group splitters never split a speaker and repeat for a seed")
    func groupShuffle() throws {
        let g = try SklearnGolden.load("splits", as: SklearnGolden.Splits.self)
        let splitters: [(UInt64) throws -> [Fold]] = [
            { try GroupKFold(splits: 5, shuffle: true, seed: $0).split(groups: g.corpus.groups) },
            { try StratifiedGroupKFold(splits: 5, shuffle: true, seed: $0).split(g.corpus.y, groups: g.corpus.groups) },
        ]
        for split in splitters {
            let folds = try split(1)
            expectPartition(folds, count: g.corpus.y.count)
            var foldOfSpeaker = [String: Int]()
            for (f, fold) in folds.enumerated() {
                for row in fold.test { #expect(foldOfSpeaker.updateValue(f, forKey: g.corpus.groups[row]) ?? f == f) }
            }
            #expect(try split(1) == folds)
            #expect(try split(2) != folds)
        }
        // 46 speakers over 5 folds: shuffled GroupKFold deals 10, 9, 9, 9, 9 speakers.
        let folds = try GroupKFold(splits: 5, shuffle: true, seed: 3).split(groups: g.corpus.groups)
        #expect(folds.map { Set($0.test.map { g.corpus.groups[$0] }).count } == [10, 9, 9, 9, 9])
    }

    @Test("splitters report impossible requests")
    func splitterErrors() throws {
        #expect(throws: SplitError.tooFewSplits(1)) { try StratifiedKFold(splits: 1).split([0, 1, 0, 1]) }
        #expect(throws: SplitError.moreSplitsThanSamples(splits: 5, samples: 4)) { try StratifiedKFold().split([0, 1, 0, 1]) }
        #expect(throws: SplitError.moreSplitsThanClassMembers(splits: 3)) { try StratifiedKFold(splits: 3).split([0, 1, 0, 1, 2, 2]) }
        #expect(throws: SplitError.moreSplitsThanGroups(splits: 3, groups: 2)) {
            try GroupKFold(splits: 3).split(groups: ["a", "b", "a", "b"])
        }
        #expect(throws: SplitError.lengthMismatch(what: "groups", expected: 3, got: 2)) {
            try StratifiedGroupKFold(splits: 2).split([0, 1, 0], groups: ["a", "b"])
        }
    }

    @Test("stratified train_test_split allocates each class's test rows as scikit-learn")
    func trainTestGolden() throws {
        for c in try SklearnGolden.load("splits", as: SklearnGolden.Splits.self).trainTestSplit {
            let y = c.counts.enumerated().flatMap { repeatElement($0.offset, count: $0.element) }
            let (train, test) = try trainTestSplit(count: y.count, testSize: c.testSize, stratify: y, seed: 42)
            #expect(train.count == c.train, "train size for \(c.counts)")
            #expect(test.count == c.test, "test size for \(c.counts)")
            #expect(Set(train + test).count == y.count)
            // Cases whose allocation involves a random tie-break carry no per-class expectation.
            if let expected = c.testPerClass {
                var perClass = [Int](repeating: 0, count: c.counts.count)
                for row in test { perClass[y[row]] += 1 }
                #expect(perClass == expected, "test rows per class for \(c.counts)")
            }
        }
    }

    @Test("train_test_split without stratification, repeatability and errors")
    func trainTestBehaviour() throws {
        let ordered = try trainTestSplit(count: 10, testSize: 0.25, shuffle: false, seed: 0)
        #expect(ordered.train == Array(0..<7) && ordered.test == [7, 8, 9])
        let shuffled = try trainTestSplit(count: 100, testSize: 0.15, seed: 42)
        #expect(shuffled.test.count == 15 && Set(shuffled.train + shuffled.test) == Set(0..<100))
        #expect(try trainTestSplit(count: 100, testSize: 0.15, seed: 42) == shuffled)
        #expect(try trainTestSplit(count: 100, testSize: 0.15, seed: 43) != shuffled)
        #expect(throws: SplitError.invalidTestSize(1.5)) { try trainTestSplit(count: 10, testSize: 1.5, seed: 0) }
        #expect(throws: SplitError.classTooSmall(classCode: 7)) {
            try trainTestSplit(count: 5, testSize: 0.4, stratify: [0, 0, 7, 0, 0], seed: 0)
        }
        #expect(throws: SplitError.stratifyWithoutShuffle) {
            try trainTestSplit(count: 4, testSize: 0.5, stratify: [0, 1, 0, 1], shuffle: false, seed: 0)
        }
        #expect(throws: SplitError.sideSmallerThanClasses(side: "test", size: 2, classes: 3)) {
            try trainTestSplit(count: 9, testSize: 0.2, stratify: [0, 1, 2, 0, 1, 2, 0, 1, 2], seed: 0)
        }
    }

    @Test("a grouped train/test split keeps every group on one side")
    func groupTrainTest() throws {
        let groups = (0..<50).map { "actor\($0 % 10)" }
        let split = try groupTrainTestSplit(groups: groups, testSize: 0.25, seed: 42)
        let testGroups = Set(split.test.map { groups[$0] }), trainGroups = Set(split.train.map { groups[$0] })
        #expect(testGroups.count == 3)  // ceil(0.25 · 10 groups)
        #expect(testGroups.isDisjoint(with: trainGroups) && split.train.count + split.test.count == 50)
        #expect(split.test == split.test.sorted())
        #expect(try groupTrainTestSplit(groups: groups, testSize: 0.25, seed: 42) == split)
        #expect(throws: SplitError.invalidTestSize(0)) { try groupTrainTestSplit(groups: groups, testSize: 0, seed: 0) }
        #expect(throws: SplitError.emptyTrainingSet(samples: 2, testSize: 0.9)) {
            try groupTrainTestSplit(groups: ["a", "b"], testSize: 0.9, seed: 0)
        }
    }
}
