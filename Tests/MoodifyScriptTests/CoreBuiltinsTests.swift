import Foundation
import Testing
@testable import MoodifyScript

@Suite struct CoreBuiltinsTests {
    @Test func printJoinsWithSepAndEnd() throws {
        #expect(try evaluate("print(\"a\", 1, [\"b\"], nil)").output == "a 1 [\"b\"] nil\n")
        #expect(try evaluate("print(1, 2, sep: \", \", end: \"!\")").output == "1, 2!")
        #expect(try evaluate("print()").output == "\n")
    }

    @Test func sizesRangesAndConversions() throws {
        #expect(try shown("[len([1, 2]), len(\"abc\"), len([\"a\": 1]), len(matrix([[1], [2], [3]]))]") == "[2, 3, 1, 3]")
        #expect(errorMessage("len(5)") == "len: expected a list, string, dictionary, matrix or sized object for x, got a number")
        #expect(try shown("[range(3), range(2, 5), range(5, 0, -2), range(0)]") == "[[0, 1, 2], [2, 3, 4], [5, 3, 1], []]")
        #expect(try shown("[str(1.5), str([1]), type(1), type(\"a\"), type(nil), type([:])]")
                == "[\"1.5\", \"[1]\", \"number\", \"string\", \"nil\", \"dictionary\"]")
        #expect(try shown("[int(3.9), int(-3.9), int(\" 42 \"), float(\"2.5\"), abs(-2)]") == "[3, -3, 42, 2.5, 2]")
        #expect(errorMessage("int(\"x\")") == "int: \"x\" is not a number")
        #expect(try shown("list(matrix([[1, 2], [3, 4]]))") == "[[1, 2], [3, 4]]")
    }

    @Test func roundingTiesGoToEven() throws {
        // Python's round: 2.5 → 2, 3.5 → 4; digits scale before rounding.
        #expect(try shown("[round(2.5), round(3.5), round(-1.26, digits: 1), round(1234.5678, 2)]") == "[2, 4, -1.3, 1234.57]")
        #expect(try shown("round([0.123, 0.456], 1)") == "[0.1, 0.5]")
    }

    @Test func formatFollowsPythonSpecs() throws {
        #expect(try shown("[format(0.57, \".4f\"), format(0.6293, \".2%\"), format(1234567, \",d\"), format(3, \">4\")]")
                == "[\"0.5700\", \"62.93%\", \"1,234,567\", \"   3\"]")
        #expect(try shown("[format(\"ANG\", \"<6\") + \"|\", format(\"x\", \"*^5\"), format(2.5, \".3e\")]")
                == "[\"ANG   |\", \"**x**\", \"2.500e+00\"]")
        // Python's sign option: format(0.25, "+.2f") == "+0.25", format(-0.25, "+.2f") == "-0.25", format(0, "+8.1%") == "   +0.0%".
        #expect(try shown("[format(0.25, \"+.2f\"), format(-0.25, \"+.2f\"), format(0, \"+8.1%\")]") == "[\"+0.25\", \"-0.25\", \"   +0.0%\"]")
        #expect(errorMessage("format(\"ANG\", \"+\")") == "format: a sign (\"+\") formats numbers, got a string")
        #expect(errorMessage("format(1.5, \"d\")") == "format: \"d\" needs a whole number, got 1.5")
        #expect(errorMessage("format(1, \"q\")") == "format: \"q\" is not a format like \".4f\", \">8\", \".1%\" or \",d\"")
    }

    @Test func aggregates() throws {
        #expect(try shown("[min(3, 1, 2), max([3, 1, 2]), min(\"b\", \"a\"), max(matrix([[1, 9], [4, 2]]))]") == "[1, 3, \"a\", 9]")
        #expect(errorMessage("max(1, \"a\")") == "max: cannot compare a string with a number")
        #expect(try shown("[sum([1, 2, 3]), mean([1, 2, 3, 4])]") == "[6, 2.5]")
        #expect(try shown("m = matrix([[1, 2], [3, 4]])\n[sum(m), mean(m), sum(m, axis: 0), mean(m, axis: 1)]") == "[10, 2.5, [4, 6], [1.5, 3.5]]")
        #expect(errorMessage("sum(matrix([[1]]), axis: 2)") == "sum: axis must be 0 (columns) or 1 (rows), got 2")
        #expect(errorMessage("mean([1], axis: 0)") == "mean: axis applies to a matrix, got a list")
        // numpy.std([1, 2, 3, 4]) = 1.118033988749895 (population, ddof 0); per column of [[1, 2], [3, 6]]: [1, 2].
        #expect(try shown("round(std([1, 2, 3, 4]), 6)") == "1.118034")
        #expect(try shown("std(matrix([[1, 2], [3, 6]]), axis: 0)") == "[1, 2]")
        // Columns 0 and 1 rise together (r = 1), column 2 falls (r = -1); a constant row correlates as NaN.
        #expect(try shown("corrcoef(matrix([[1, 2, 9], [2, 4, 7], [3, 7, 1]]), rowvar: false)[0, 2]") == "-0.96076894")
        #expect(try shown("corrcoef(matrix([[1, 2, 3], [2, 4, 6]]))") == "Matrix 2×2 [[1, 1], [1, 1]]")
        #expect(try shown("corrcoef(matrix([[1, 1, 1], [1, 2, 3]]))[0, 1]") == "nan")
        #expect(errorMessage("sum([\"a\"])") == "sum: expected a list of numbers for x, got a list (item 0 is a string)")
    }

    @Test func sortedWithKeyAndReverse() throws {
        #expect(try shown("sorted([3, 1, 2])") == "[1, 2, 3]")
        #expect(try shown("sorted([\"b\", \"c\", \"a\"], reverse: true)") == "[\"c\", \"b\", \"a\"]")
        #expect(try shown("sorted([[\"x\", 2], [\"y\", 1]], key: fn(p) { return p[1] })") == "[[\"y\", 1], [\"x\", 2]]")
        #expect(errorMessage("sorted([1, \"a\"])").hasPrefix("sorted: cannot order"))
        #expect(errorMessage("sorted([1, 2], key: fn(x) { return x / 0 })") == "division by zero")
    }

    @Test func uniqueSortsDistinctValues() throws {
        #expect(try shown("unique([\"SAD\", \"ANG\", \"SAD\"])") == "[\"ANG\", \"SAD\"]")
        #expect(try shown("unique([3, 1, 3, 2])") == "[1, 2, 3]")
        #expect(errorMessage("unique([1, \"a\"])") == "unique: expected a list of numbers or of strings for items, got a mixed list")
    }

    @Test func dictionariesZipAndEnumerate() throws {
        #expect(try shown("d = [\"b\": 1, \"a\": 2]\n[keys(d), values(d), items(d)]") == "[[\"b\", \"a\"], [1, 2], [[\"b\", 1], [\"a\", 2]]]")
        #expect(try shown("zip([1, 2, 3], [\"a\", \"b\"])") == "[[1, \"a\"], [2, \"b\"]]")
        #expect(errorMessage("zip([1], 2)") == "zip: expected a list for argument 2, got a number")
        #expect(try shown("enumerate([\"a\", \"b\"], start: 1)") == "[[1, \"a\"], [2, \"b\"]]")
    }

    @Test func timeIsWallClockSeconds() throws {
        let before = Date().timeIntervalSince1970
        let value = try Interpreter { _ in }.run("time()")
        guard case .number(let t)? = value else { Issue.record("time() gave \(String(describing: value))"); return }
        // The call happens between the two readings of the clock; allow 5 s for a slow machine.
        #expect(t >= before && t - before < 5)
    }

    @Test func envReadsTheEnvironmentWithADefault() throws {
        setenv("MOODIFY_SCRIPT_TEST_VAR", "value", 1)
        #expect(try shown("env(\"MOODIFY_SCRIPT_TEST_VAR\")") == "\"value\"")
        #expect(try shown("env(\"MOODIFY_SCRIPT_TEST_UNSET\", \"AudioWAV\")") == "\"AudioWAV\"")
        #expect(try evaluate("env(\"MOODIFY_SCRIPT_TEST_UNSET\")").display == nil)
    }

    @Test func helpPrintsSignaturesAndDocs() throws {
        #expect(try evaluate("help(\"range\")").output == "range(start, stop: nil, step: 1)\n    The integers from start (0 when only one argument) up to but not including stop, by step.\n")
        #expect(try evaluate("help(len)").output.hasPrefix("len(x)\n    The number of items"))
        #expect(try evaluate("fn f(a) { }\nhelp(f)").output == "f(a)\n    (a function defined in <input> at line 1)\n")
        let index = try evaluate("help()").output
        #expect(index.contains("print") && index.contains("save_npy") && index.split(separator: "\n").count >= 25)
        #expect(errorMessage("help(\"nope\")") == "help: no builtin or variable named 'nope'")
    }
}
