import MoodifyLearn
import Testing
@testable import MoodifyScript

/// A host object for tests: a named clip with samples.
private struct Clip: HostObject {
    var samples: [Float]
    var typeName: String { "AudioBuffer" }
    var summary: String { "AudioBuffer \(samples.count) samples" }
    var propertyNames: [String] { ["sr"] }
    func property(_ name: String) throws -> Value? { name == "sr" ? 22050 : nil }
    var methods: [Builtin] {
        [Builtin("scaled", [.required("k")], doc: "The samples times k.") { args in
            let k = Float(try args.number("k"))
            return .floats(samples.map { $0 * k })
        }]
    }
    var length: Int? { samples.count }
    var floatValues: [Float]? { samples }
}

/// A registry with one builtin of every parameter kind, plus a clip maker.
private func interpreter() -> Interpreter {
    let probe = Builtin("load", [.required("path"), .optional("sr", 22050), .named("mono", true)],
                        doc: "Test builtin.") { args in
        .list([.string(try args.string("path")), args["sr"], .bool(try args.bool("mono")), .bool(args.isGiven("sr"))])
    }
    let variadic = Builtin("collect", [.required("first"), .variadic("rest"), .named("sep", "-")], doc: "Test builtin.") { args in
        .list([args["first"], args["rest"], args["sep"]])
    }
    let typed = Builtin("typed", [.optional("m", nil), .optional("f", nil), .optional("i", nil), .optional("s", nil),
                                   .optional("n", nil), .optional("clip", nil)], doc: "Test builtin.") { args in
        if args.optional("m") != nil { return .matrix(try args.matrix("m")) }
        if args.optional("f") != nil { return .floats(try args.floats("f")) }
        if args.optional("i") != nil { return .ints(try args.ints("i")) }
        if args.optional("s") != nil { return .strings(try args.strings("s")) }
        if args.optional("n") != nil { return .number(Double(try args.int("n"))) }
        if args.optional("clip") != nil { return .number(Double(try args.object("clip", as: Clip.self).samples.count)) }
        return .null
    }
    let clip = Builtin("clip", [.variadic("samples")], doc: "A test clip.") { args in
        .object(Clip(samples: try args.floats("samples")))
    }
    return Interpreter(builtins: Builtins([Builtins.core, [probe, variadic, typed, clip]])) { _ in }
}

private func message(_ code: String) -> String {
    do {
        _ = try interpreter().run(code)
        return "<no error>"
    } catch {
        return error.message
    }
}

private func result(_ code: String) throws -> String {
    try interpreter().run(code).map(Display.repr) ?? "nil"
}

@Suite struct ArgumentTests {
    @Test func bindingByPositionNameAndDefault() throws {
        #expect(try result("load(\"a.wav\")") == "[\"a.wav\", 22050, true, false]")
        #expect(try result("load(\"a.wav\", 16000)") == "[\"a.wav\", 16000, true, true]")
        #expect(try result("load(sr: nil, path: \"b\", mono: false)") == "[\"b\", nil, false, true]")
        #expect(try result("collect(1, 2, 3, sep: \"+\")") == "[1, [2, 3], \"+\"]")
        #expect(try result("collect(1)") == "[1, [], \"-\"]")
    }

    @Test func argumentErrorMessages() {
        #expect(message("load([1])") == "load: expected a string for path, got a list")
        #expect(message("load(\"a\", mono: 1)") == "load: expected a boolean for mono, got a number")
        #expect(message("load(\"a\", rate: 1)") == "load: unknown named argument rate (it takes path, sr, mono)")
        #expect(message("load()") == "load: missing argument path")
        #expect(message("load(sr: 1)") == "load: missing argument path")
        #expect(message("load(\"a\", 1, true)") == "load: too many arguments (takes at most 2, got 3)")
        #expect(message("load(\"a\", path: \"b\")") == "load: argument path given twice")
        #expect(message("time(1)") == "time: too many arguments (takes none, got 1)")
        #expect(message("collect(1, rest: 2)") == "collect: unknown named argument rest (it takes first, sep)")
    }

    @Test func conversionsAndTheirErrors() throws {
        #expect(try result("typed(m: [[1, 2], [3, 4]])") == "Matrix 2×2 [[1, 2], [3, 4]]")
        #expect(try result("typed(m: [1, 2, 3])") == "Matrix 1×3 [[1, 2, 3]]")
        #expect(try result("typed(m: clip(1, 2))") == "Matrix 1×2 [[1, 2]]")
        #expect(try result("typed(f: matrix([[1], [2]]))") == "[1, 2]")
        #expect(try result("typed(i: [1, 2])") == "[1, 2]")
        #expect(try result("typed(s: [\"a\"])") == "[\"a\"]")
        #expect(try result("typed(clip: clip(1, 2, 3))") == "3")
        #expect(message("typed(m: [[1, 2], [3]])") == "typed: expected a matrix or a list of numbers for m, got a list (row 1 has 1 values, row 0 has 2)")
        #expect(message("typed(m: [[1, \"x\"]])") == "typed: expected a matrix or a list of numbers for m, got a list (row 0 item 1 is a string)")
        #expect(message("typed(m: [1, [2]])") == "typed: expected a matrix or a list of numbers for m, got a list (item 1 is a list)")
        #expect(message("typed(m: \"x\")") == "typed: expected a matrix or a list of numbers for m, got a string")
        #expect(message("typed(f: matrix([[1, 2], [3, 4]]))") == "typed: expected a list of numbers for f, got a 2×2 matrix")
        #expect(message("typed(f: [1, nil])") == "typed: expected a list of numbers for f, got a list (item 1 is nil)")
        #expect(message("typed(i: [1, 2.5])") == "typed: expected a list of integers for i, got a list (item 1 is 2.5)")
        #expect(message("typed(s: [\"a\", 1])") == "typed: expected a list of strings for s, got a list (item 1 is a number)")
        #expect(message("typed(n: 2.5)") == "typed: expected an integer for n, got 2.5")
        #expect(message("typed(clip: 3)") == "typed: expected a Clip for clip, got a number")
    }

    @Test func hostObjectsExposePropertiesMethodsAndLength() throws {
        #expect(try result("c = clip(1, 2)\n[c.sr, c.scaled(2), len(c), type(c)]") == "[22050, [2, 4], 2, \"AudioBuffer\"]")
        #expect(try result("clip(1)") == "AudioBuffer 1 samples")
        #expect(message("clip(1).rate") == "an AudioBuffer has no member 'rate' (members: scaled, sr)")
        #expect(message("clip(1).scaled()") == "scaled: missing argument k")
    }

    @Test func registryListsEveryAreaOnceAndEveryBuiltinHasADoc() {
        var seen = Set<String>()
        for builtin in Builtins.areas.joined() {
            #expect(!seen.contains(builtin.name), "builtin \(builtin.name) is registered twice")
            seen.insert(builtin.name)
            #expect(!builtin.doc.isEmpty && !builtin.doc.contains("\n"), "builtin \(builtin.name) needs a one-line doc")
        }
        for name in ["print", "len", "range", "help", "env", "str", "round", "min", "max", "sum", "mean", "sorted",
                     "keys", "zip", "enumerate", "time", "save_npy", "load_npy", "save_csv"] {
            #expect(seen.contains(name), "missing builtin \(name)")
        }
    }

    @Test func signaturesShowDefaultsAndKinds() {
        let b = Builtin("f", [.required("x"), .optional("sr", 22050), .named("seed", nil), .requiredNamed("to"), .variadic("rest")],
                        doc: "d") { _ in .null }
        #expect(b.signature == "f(x, sr: 22050, seed: nil, to:, rest...)")
    }
}
