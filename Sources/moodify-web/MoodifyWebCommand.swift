import ArgumentParser
import Foundation
import Moodify
import MoodifyMusic
import MoodifyWeb

/// `moodify-web`: serves the Moodify page and API (upload or record speech, see its emotion, get music).
@main
struct MoodifyWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodify-web",
        abstract: "Serve the Moodify web app: upload or record speech, see its emotion, get music for the mood.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The trained model bundle to serve.")
    var model = "Models/default.moodify"

    func run() async throws {
        keepLargeBuffersInHeap()
        guard FileManager.default.fileExists(atPath: model) else {
            throw LaunchError.missingModel(path: model, others: bundles(beside: model))
        }
        let classifier: EmotionClassifier
        do {
            classifier = try EmotionClassifier(contentsOf: model)
        } catch let error as ClassifierError {
            throw LaunchError.unusableModel(path: model, reason: error.description)
        }
        let recommender = try Recommender()
        let name = URL(fileURLWithPath: model).lastPathComponent
        let services = WebServices(predictor: NamedPredictor(classifier, name: name), recommender: recommender)
        let app = try buildApplication(services: services, host: host, port: port)
        let spotify = recommender.spotify == nil ? "catalog only (\(recommender.spotifyUnavailableReason))" : "Spotify, catalog as fallback"
        say("moodify-web: model \(model) (\(classifier.featureSet), \(classifier.classes.joined(separator: " "))); music: \(spotify)")
        say("moodify-web: open http://\(host):\(port)/")
        try await app.runService()
    }

    /// The model bundles (`.moodify`, `.model`) in the folder of `path`, as paths, sorted.
    private func bundles(beside path: String) -> [String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let prefix = (path as NSString).deletingLastPathComponent
        return names.filter { $0.hasSuffix(".moodify") || $0.hasSuffix(".model") }.sorted()
            .map { prefix.isEmpty ? $0 : "\(prefix)/\($0)" }
    }

    /// Writes a line to standard output at once (print is block-buffered when stdout is not a terminal).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
