import Testing
@testable import MoodifyScript

@Test func smoke() throws {
    #expect(try shown("1 + 2") == "3")
    #expect(try shown("fn fib(n) { if n < 2 { return n }\n return fib(n - 1) + fib(n - 2) }\nfib(15)") == "610")
    #expect(try shown("a, b = [1, \"x\"]\n\"\\(b)=\\(a)\"") == "\"x=1\"")
    #expect(try evaluate("print(1, [2, 3], \"s\")").output == "1 [2, 3] s\n")
    #expect(errorMessage("load(1)") == "unknown name 'load'")
    #expect(errorMessage("range([])") == "range: expected an integer for start, got a list")
}
