import MoodifyLearn
import Testing
@testable import MoodifyScript

@Suite struct DisplayTests {
    @Test func scalarsAndContainers() {
        #expect(Display.repr(.number(3)) == "3")
        #expect(Display.repr(.number(-0.25)) == "-0.25")
        #expect(Display.repr(.number(1e20)) == "1e+20")
        #expect(Display.repr(.number(.infinity)) == "inf")
        #expect(Display.repr(.number(.nan)) == "nan")
        #expect(Display.repr(.string("a\"b\n")) == "\"a\\\"b\\n\"")
        #expect(Display.str(.string("a\"b")) == "a\"b")
        #expect(Display.repr([1, "x", nil, true, [2.5]]) == "[1, \"x\", nil, true, [2.5]]")
        #expect(Display.repr(.dictionary(ValueDictionary([("b", 1), ("a", [2])]))) == "[\"b\": 1, \"a\": [2]]")
        #expect(Display.repr(.dictionary(ValueDictionary())) == "[:]")
    }

    @Test func floatsKeepTheirShortForm() {
        // 0.1 as Float32 is 0.100000001490116…; a number made from it shows as 0.1.
        #expect(Display.repr(.float(0.1)) == "0.1")
        #expect(Display.repr(.floats([0.5, 1e-3])) == "[0.5, 0.001]")
    }

    @Test func longListsAreAbbreviated() {
        #expect(Display.repr(.ints(Array(0..<60))) == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … (60 items)]")
    }

    @Test func functions() throws {
        let i = Interpreter { _ in }
        #expect(try i.run("fn f(a, b: 2) { }\nf").map(Display.repr) == "<fn f(a, b: 2)>")
        #expect(try i.run("range").map(Display.repr) == "<builtin range(start, stop: nil, step: 1)>")
    }

    @Test func largeMatricesShowShapeAndCorners() {
        let m = Matrix(rows: 10, cols: 10, values: (0..<100).map { Float($0) / 4 })
        let expected = """
        Matrix 10×10
              0   0.25    0.5   0.75      1  …      2   2.25
            2.5   2.75      3   3.25    3.5  …    4.5   4.75
              5   5.25    5.5   5.75      6  …      7   7.25
            7.5   7.75      8   8.25    8.5  …    9.5   9.75
             10  10.25   10.5  10.75     11  …     12  12.25
          ⋮
             20  20.25   20.5  20.75     21  …     22  22.25
           22.5  22.75     23  23.25   23.5  …   24.5  24.75
        """
        #expect(Display.show(.matrix(m)) == expected)
        #expect(Display.repr(.matrix(m)) == "Matrix 10×10")
    }

    @Test func multiLineStringsShowRaw() {
        #expect(Display.show(.string("a\nb")) == "a\nb")
        #expect(Display.show(.string("ab")) == "\"ab\"")
    }
}
