import Foundation
import Testing
@testable import MoodifyScript

@Suite struct CSVTests {
    @Test func matricesRowsAndRecords() throws {
        #expect(try CSV.text(.matrix(.init(rows: 2, cols: 2, values: [1, 0.5, -2, 0.1])), header: ["a", "b"]) == "a,b\n1,0.5\n-2,0.1\n")
        #expect(try CSV.text([["x, y", 1], ["say \"hi\"", nil]], header: nil) == "\"x, y\",1\n\"say \"\"hi\"\"\",\n")
        #expect(try CSV.text(["a", "b"], header: ["label"]) == "label\na\nb\n")
        let records: Value = [.dictionary(ValueDictionary([("file", "1001.wav"), ("emotion", "ANG")])),
                              .dictionary(ValueDictionary([("emotion", "SAD"), ("file", "1002.wav")]))]
        #expect(try CSV.text(records, header: nil) == "file,emotion\n1001.wav,ANG\n1002.wav,SAD\n")
        #expect(throws: ValueError.self) { try CSV.text([[1, 2]], header: ["only"]) }
    }

    @Test func saveCSVWritesTheFileAndReturnsItsPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-csv-\(getpid())/sub/out.csv").path
        #expect(try shown("save_csv([[1, 2]], \"\(path)\", header: [\"a\", \"b\"])") == Display.quoted(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n1,2\n")
        #expect(errorMessage("save_csv(1, \"\(path)\")") == "save_csv: expected a matrix or a list of rows, got a number")
        #expect(errorMessage("save_csv([[1]], \"\(path)\", header: [1])") == "save_csv: expected a list of strings for header, got a list (item 0 is a number)")
    }
}
