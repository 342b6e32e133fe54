import Testing
@testable import MoodifyLearn

@Suite("Model summary")
struct SummaryTests {
    @Test("summary() is Keras's text, before and after training")
    func keras() throws {
        let golden = try KerasGolden("summary")
        let model = try notebookCNN(filters: [64, 128], dense: 128, l2: 0.001, features: 12)
        let before = try #require(try golden.scalar("before_training") as? String)
        #expect(model.summary() + "\n" == before)
        _ = try model.fit(Matrix(rows: 4, cols: 12, repeating: 0.5), [0, 1, 2, 3], seed: 1, verbose: false)
        let after = try #require(try golden.scalar("after_training") as? String)
        #expect(model.summary() + "\n" == after)
    }

    @Test("an unbuilt model shows unknown shapes")
    func unbuilt() throws {
        let model = try Sequential([Dense(units: 3)])
        #expect(model.summary().contains("│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"))
    }

    @Test func names() throws {
        let model = try Sequential([Dense(units: 3), Dense(units: 3), Dropout(rate: 0.1), Dense(units: 2)])
        #expect(model.layers.map(\.name) == ["dense", "dense_1", "dropout", "dense_2"])
    }
}
