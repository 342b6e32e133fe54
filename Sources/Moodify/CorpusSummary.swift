import Foundation
import MoodifyAudio

extension Corpus {
    /// How many clips carry each value of a field, sorted by the value.
    public func counts(of field: KeyPath<Clip, String>) -> [(value: String, count: Int)] {
        Dictionary(grouping: clips, by: { $0[keyPath: field] })
            .map { (value: $0.key, count: $0.value.count) }
            .sorted { $0.value < $1.value }
    }

    /// A few lines for people: clip count, speakers, sentences, per-emotion and per-level counts, total
    /// duration read from the file headers (no decoding), and the names that did not parse or whose
    /// header could not be read.
    public func summary() -> String {
        let headers = files.map { file in Result { try AudioFileInfo(path: file) } }
        var seconds = 0.0
        var rates = Set<Int>()
        var unreadable: [String] = []
        for header in headers {
            switch header {
            case .success(let info):
                seconds += info.duration
                rates.insert(info.sampleRate)
            case .failure(let error):
                unreadable.append("  \(error)")
            }
        }
        let rateText = rates.count == 1 ? " at \(rates.first!) Hz" : rates.isEmpty ? "" : " at mixed rates"
        var lines = [
            "Corpus at \(path)",
            "\(count) clips · \(Set(speakers).count) speakers · \(Set(clips.map(\.sentence)).count) sentences · \(Self.format(duration: seconds))\(rateText)",
            "Emotions: " + counts(of: \.emotion).map { "\($0.value) \($0.count)" }.joined(separator: " · "),
            "Levels: " + counts(of: \.level).map { "\($0.value) \($0.count)" }.joined(separator: " · "),
        ]
        if !unparsed.isEmpty {
            lines.append("Names not of the form ACTOR_SENTENCE_EMOTION_LEVEL (\(unparsed.count), skipped): " + unparsed.joined(separator: ", "))
        }
        if !unreadable.isEmpty {
            lines.append("Unreadable clips (\(unreadable.count)):")
            lines += unreadable
        }
        return lines.joined(separator: "\n")
    }

    /// "2 h 03 min 07.4 s"-style text for a duration in seconds.
    static func format(duration seconds: Double) -> String {
        let hours = Int(seconds / 3600)
        let minutes = Int(seconds.truncatingRemainder(dividingBy: 3600) / 60)
        let rest = seconds - Double(hours * 3600 + minutes * 60)
        let secondsText = String(format: "%04.1f s", rest)
        if hours > 0 { return String(format: "%d h %02d min ", hours, minutes) + secondsText }
        if minutes > 0 { return "\(minutes) min " + secondsText }
        return String(format: "%.1f s", rest)
    }
}
