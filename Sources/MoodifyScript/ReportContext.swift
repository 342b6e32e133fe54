import Foundation

/// The facts a run report prints in its header: when, on what machine, with which Moodify.
public struct ReportContext: Sendable {
    /// The Moodify release this build belongs to.
    public static let moodifyVersion = "0.2.0"

    /// The Moodify version shown.
    public var version: String
    /// The machine: host name, system, architecture, cores and memory.
    public var machine: String
    /// When the run started.
    public var date: Date
    /// The time zone the date is shown in.
    public var timeZone: TimeZone

    /// A context with every field given (tests use fixed ones).
    public init(version: String = ReportContext.moodifyVersion, machine: String, date: Date, timeZone: TimeZone = .current) {
        self.version = version
        self.machine = machine
        self.date = date
        self.timeZone = timeZone
    }

    /// This machine, now-running Moodify, and the run's start `date`.
    public static func current(date: Date) -> ReportContext {
        ReportContext(machine: describeMachine(), date: date)
    }

    /// "host · Linux 6.1.0-18-amd64 x86_64 · 2 cores · 7.8 GB".
    static func describeMachine() -> String {
        let info = ProcessInfo.processInfo
        var names = utsname()
        uname(&names)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let memory = Double(info.physicalMemory) / 1_073_741_824
        return [info.hostName, "\(field(names.sysname)) \(field(names.release)) \(field(names.machine))",
                "\(info.activeProcessorCount) cores", String(format: "%.1f GB", memory)].joined(separator: " · ")
    }

    /// The date with its zone, as "2026-11-28 12:50:03 GMT" or "… GMT+1".
    var dateText: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return formatter.string(from: date)
    }
}
