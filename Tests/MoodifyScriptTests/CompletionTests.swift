import Testing
@testable import MoodifyScript

@Suite struct CompletionTests {
    private func interpreter() throws -> Interpreter {
        let i = Interpreter { _ in }
        try i.run("history = [\"loss\": [1], \"val_loss\": [2]]\nm = matrix([[1]])\nrandom_name = 1")
        return i
    }

    @Test func namesKeywordsBuiltinsAndVariables() throws {
        let i = try interpreter()
        #expect(i.completions(for: "x = ran").candidates == ["random_name", "range"])
        #expect(i.completions(for: "x = ran").word == "ran")
        #expect(i.completions(for: "whi").candidates == ["while"])
        #expect(i.completions(for: "print(his").candidates == ["history"])
    }

    @Test func membersAfterADot() throws {
        let i = try interpreter()
        #expect(i.completions(for: "m.").candidates == ["T", "cols", "rows", "shape"])
        #expect(i.completions(for: "m.sh") == ("sh", ["shape"]))
        #expect(i.completions(for: "history.val").candidates == ["val_loss", "values"])
        #expect(i.completions(for: "m.T.r").candidates == ["rows"])
        #expect(i.completions(for: "nothing.").candidates == [])
    }

    @Test func nothingInsideStringsCommentsOrNumbers() throws {
        let i = try interpreter()
        #expect(i.completions(for: "print(\"ran").candidates == [])
        #expect(i.completions(for: "x = 1 # ran").candidates == [])
        #expect(i.completions(for: "1.").candidates == [])
    }
}
