import Foundation
import MoodifyLearn
import Testing
@testable import MoodifyScript

/// The .npy files NumPy wrote (Scripts/goldens_script.py) and their index.
enum Fixtures {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/npy")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name + ".npy").path }

    struct Entry: Decodable {
        let dtype: String
        let shape: [Int]
        let values: [Double]
    }

    struct Index: Decodable {
        let readable: [String: Entry]
        let version2: [String: Entry]
        let unreadable: [String: String]
    }

    static let index: Index = try! JSONDecoder().decode(Index.self, from: Data(contentsOf: folder.appendingPathComponent("index.json")))
}

private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("moodify-script-tests-\(getpid())/\(name)").path
}

@Suite struct NPYTests {
    @Test(arguments: Array(Fixtures.index.readable) + Array(Fixtures.index.version2))
    func readsWhatNumPyWrote(_ fixture: (key: String, value: Fixtures.Entry)) throws {
        let value = try NPY.read(Fixtures.path(fixture.key))
        let entry = fixture.value
        if entry.shape.count == 2 {
            guard case .matrix(let m) = value else { Issue.record("\(fixture.key): got \(value.kindDescription)"); return }
            #expect(m.shape == entry.shape)
            // 2-D arrays become Float32 matrices: exact for <f4 and small integers, Float32 rounding for <f8.
            for (x, y) in zip(m.values, entry.values) { #expect(x == Float(y)) }
        } else {
            let doubles = try value.asDoubles()
            #expect(doubles.count == entry.shape[0])
            for (x, y) in zip(doubles, entry.values) {
                // float64 and int64 are exact; float32 values are the nearest Float32, compared as such.
                if entry.dtype == "<f4" { #expect(Float(x) == Float(y)) } else { #expect(x == y) }
            }
        }
    }

    @Test(arguments: Array(Fixtures.index.unreadable))
    func refusesWhatItCannotRepresent(_ fixture: (key: String, value: String)) {
        #expect {
            _ = try NPY.read(Fixtures.path(fixture.key))
        } throws: { error in
            "\(error)".contains(fixture.value) && "\(error)".contains(fixture.key + ".npy")
        }
    }

    @Test(arguments: ["f4_2d", "f8_1d", "i8_1d", "i8_2d"])
    func writesTheBytesNumPyWrites(_ name: String) throws {
        // i8_2d reads as a matrix and is written back as float32, so only its values must survive.
        let original = try NPY.read(Fixtures.path(name))
        let out = temporaryPath("\(name).npy")
        try NPY.write(original, to: out)
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        if name == "i8_2d" {
            #expect(try NPY.read(out) == original)
        } else {
            #expect(written == (try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name)))))
        }
    }

    @Test func roundTripsThroughTheBuiltins() throws {
        let path = temporaryPath("builtins.npy")
        let i = Interpreter { _ in }
        try i.run("m = matrix([[1.5, -2], [0.25, 1e-3]])\nsave_npy(m, \"\(path)\")\nback = load_npy(\"\(path)\")")
        #expect(i.variable("back") == i.variable("m"))
        try i.run("save_npy([1, 2.5], \"\(path)\")")
        #expect(try i.run("load_npy(\"\(path)\")") == [1, 2.5])
        try i.run("save_npy([[1, 2], [3, 4]], \"\(path)\")")
        #expect(try i.run("load_npy(\"\(path)\").shape") == [2, 2])
        #expect(throws: ScriptError.self) { try i.run("save_npy(\"text\", \"\(path)\")") }
        do {
            try i.run("save_npy([\"a\"], \"\(path)\")")
        } catch {
            #expect(error.message == "save_npy: expected a list of numbers for x, got a list")
        }
        do {
            try i.run("load_npy(\"/nonexistent/x.npy\")")
        } catch {
            #expect(error.message.hasPrefix("load_npy: cannot read /nonexistent/x.npy"))
        }
    }

    @Test func writesHostAudioAsFloat32() throws {
        struct Samples: HostObject {
            var typeName: String { "AudioBuffer" }
            var summary: String { "samples" }
            var floatValues: [Float]? { [0.5, -0.25, 0.125] }
        }
        let path = temporaryPath("audio.npy")
        try NPY.write(.object(Samples()), to: path)
        let header = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)).prefix(64), as: UTF8.self)
        #expect(header.contains("'descr': '<f4'") && header.contains("'shape': (3,)"))
        #expect(try NPY.read(path) == [0.5, -0.25, 0.125])
    }
}
