import Foundation
import Testing

/// The built `moodify-repl`, next to the test runner in the build folder.
enum Repl {
    static let binary: String = {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let beside = runner.deletingLastPathComponent().appendingPathComponent("moodify-repl").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/moodify-repl").path
    }()

    /// A fresh scratch folder for one test.
    static func scratch(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-repl-tests-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `moodify-repl arguments` with `input` on a pipe (no terminal); returns exit status, stdout and stderr.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

/// `moodify-repl` on a pseudo-terminal, driven by keystrokes, as a person at a terminal would.
final class Terminal {
    private let process = Process()
    private let master: Int32
    /// Everything the program wrote, escape sequences and carriage returns removed.
    private(set) var screen = ""

    /// Starts `moodify-repl` on a new pseudo-terminal with history in `historyPath`.
    init(historyPath: String) throws {
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
        self.master = master
        process.executableURL = URL(fileURLWithPath: Repl.binary)
        var environment = ProcessInfo.processInfo.environment
        environment["MOODIFY_HISTORY"] = historyPath
        environment["TERM"] = "xterm"
        environment["EDITRC"] = "/dev/null"
        process.environment = environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        close(slave)
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types `keys` (use "\r" for Enter, "\t" for Tab, "\u{04}" for Ctrl-D).
    func type(_ keys: String) {
        _ = keys.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Waits a moment as a person would before a control key: libedit draws the prompt before it puts the
    /// terminal in raw mode, so an arrow or Ctrl-D sent that same instant is taken by the kernel's line discipline.
    func settle() { Thread.sleep(forTimeInterval: 0.25) }

    /// Sends SIGINT, as Ctrl-C does on a controlling terminal.
    func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// Reads output until `text` has appeared `count` times in all, or fails after `timeout` seconds.
    @discardableResult
    func expect(_ text: String, count: Int = 1, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while occurrences(of: text) < count {
            guard Date() < deadline else {
                Issue.record("waited \(timeout) s for \(String(reflecting: text)) ×\(count); screen so far:\n\(screen)", sourceLocation: sourceLocation)
                return false
            }
            readAvailable(timeoutMilliseconds: 100)
        }
        return true
    }

    /// How often `text` appears on the screen so far.
    func occurrences(of text: String) -> Int {
        screen.components(separatedBy: text).count - 1
    }

    private func readAvailable(timeoutMilliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return }
        screen += Terminal.plain(String(decoding: buffer[0..<n], as: UTF8.self))
    }

    /// `text` without ANSI escape sequences, carriage returns and bells.
    static func plain(_ text: String) -> String {
        var out = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if c == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let d = iterator.next(), !(d.properties.isAlphabetic || d == "~") {}
                }
            } else if c != "\r" && c != "\u{07}" {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Waits up to `timeout` seconds for the program to exit; its status, or nil (and an issue showing the screen) if it still runs.
    func exitStatus(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            readAvailable(timeoutMilliseconds: 50)
        }
        if process.isRunning {
            Issue.record("still running after \(timeout) s; screen:\n\(screen)", sourceLocation: sourceLocation)
            return nil
        }
        return process.terminationStatus
    }
}
