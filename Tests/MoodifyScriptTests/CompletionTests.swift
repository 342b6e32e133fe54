import Foundation
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

    @Test func nothingInCommentsOrAfterNumbers() throws {
        let i = try interpreter()
        #expect(i.completions(for: "x = 1 # ran").candidates == [])
        #expect(i.completions(for: "1.").candidates == [])
        #expect(i.completions(for: "\"done\" # \"ran").candidates == [])
    }

    @Test func filePathsInsideStrings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-complete-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("clips"), withIntermediateDirectories: true)
        for name in ["1001_DFA_ANG_XX.flac", "1001_DFA_DIS_XX.flac", ".hidden"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("clips/\(name)").path, contents: Data())
        }
        let i = try interpreter()
        let base = folder.path
        #expect(i.completions(for: "a = load(\"\(base)/cl") == ("\(base)/cl", ["\(base)/clips/"]))
        #expect(i.completions(for: "load(\"\(base)/clips/1001_DFA_").candidates
                == ["\(base)/clips/1001_DFA_ANG_XX.flac", "\(base)/clips/1001_DFA_DIS_XX.flac"])
        #expect(i.completions(for: "load('\(base)/clips/.h").candidates == ["\(base)/clips/.hidden"])
        #expect(i.completions(for: "load(\"\(base)/nothing/").candidates == [])
    }
}
