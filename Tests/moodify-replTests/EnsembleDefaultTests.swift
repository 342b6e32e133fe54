import Foundation
import Testing

@Suite struct EnsembleDefaultTests {
    /// A script that saves an untrained two-member ensemble (method2 and mfcc40 networks, each with its own scaler) at `path`.
    private func ensembleScript(_ path: String) -> String {
        """
        fn rows(width) {
            zero = []
            one = []
            for i in range(width) {
                zero = zero + [0]
                one = one + [1]
            }
            return [zero, one]
        }
        a = sequential([dense(6, activation: "softmax")], input_shape: [256], seed: 1)
        b = sequential([dense(6, activation: "softmax")], input_shape: [80], seed: 2)
        saved = save_model([a, b], "\(path)", scaler: [standard_scaler(rows(256)), standard_scaler(rows(80))],
                           features: ["method2", "mfcc40"], labels: ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"],
                           metadata: ["protocol": "untrained test pair"])

        """
    }

    /// A 16-bit PCM mono WAV file of a 220 Hz tone at 22,050 Hz.
    private func toneWAV(seconds: Double) -> Data {
        let samples = (0..<Int(seconds * 22050)).map { Int16(9000 * sin(2 * Double.pi * 220 * Double($0) / 22050)) }
        var data = Data("RIFF".utf8)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        append(UInt32(36 + 2 * samples.count))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        append(UInt32(16)); append(UInt16(1)); append(UInt16(1)); append(UInt32(22050)); append(UInt32(44100))
        append(UInt16(2)); append(UInt16(16))
        data.append(contentsOf: Array("data".utf8))
        append(UInt32(2 * samples.count))
        for sample in samples { append(sample) }
        return data
    }

    @Test func anEnsembleDefaultServesHelpModelPredictFileAndLoadModel() throws {
        let scratch = Repl.scratch("ensemble-default")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("pair.moodify").path
        let saved = try Repl.run([], input: ensembleScript(bundle))
        #expect(saved.status == 0, "\(saved.err)")
        let card = try Repl.run([], input: ":help model\n", environment: ["MOODIFY_MODEL": bundle])
        #expect(card.status == 0)
        let lines = card.out.components(separatedBy: "\n")
        #expect(lines.first == "Model \(bundle) · features method2+mfcc40 · classes ANG DIS FEA HAP NEU SAD")
        #expect(lines.count > 3 && lines[1].hasPrefix("member 1: method2 · weight 0.5 · input [256] · 1542 params · parameters=method2 v1:"))
        #expect(lines[2].hasPrefix("member 2: mfcc40 · weight 0.5 · input [80] · 486 params · parameters=mfcc40 v1:"))
        #expect(lines[3] == "protocol: untrained test pair")
        let wav = scratch.appendingPathComponent("tone.wav")
        try toneWAV(seconds: 1).write(to: wav)
        let used = try Repl.run([], input: """
            p = predict_file("default", "\(wav.path)")
            print(len(p.probabilities), load_model("default").feature_set, len(load_model("default").members))

            """, environment: ["MOODIFY_MODEL": bundle])
        #expect(used.status == 0, "\(used.err)")
        #expect(used.out.hasSuffix("6 method2+mfcc40 2\n"))
    }
}
