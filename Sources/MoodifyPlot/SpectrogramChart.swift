import Foundation

/// How the rows of a spectrogram map to frequencies.
public enum FrequencyAxis: Sendable, Hashable {
    /// Mel bands evenly spaced on the Slaney mel scale from `minHz` to `maxHz` (librosa's melspectrogram).
    case mel(minHz: Double, maxHz: Double)
    /// STFT bins evenly spaced from 0 Hz to `maxHz` (the Nyquist frequency).
    case linear(maxHz: Double)
}

/// A spectrogram (log-mel or STFT in dB) on a magma scale with time in seconds across, frequency in Hz up,
/// and a dB colour bar, as librosa's `specshow` with a colour bar.
public struct SpectrogramChart: Chart {
    /// values[bin][frame]: bin 0 is the lowest frequency (drawn at the bottom).
    public var values: [[Double]]
    /// The frequency layout of the rows.
    public var frequencyAxis: FrequencyAxis
    /// Seconds between frames: hop length / sample rate.
    public var secondsPerFrame: Double
    /// The chart title.
    public var title: String
    /// The unit on the colour bar ("dB"); empty for plain numbers.
    public var unit = "dB"
    /// The image size.
    public var size = PixelSize(width: 1000, height: 400)
    /// Text sizes, colours and widths.
    public var style = ChartStyle()

    /// A spectrogram of `values` (bins × frames) taken every `hopLength` samples at `sampleRate`.
    public init(values: [[Double]], frequencyAxis: FrequencyAxis, sampleRate: Double, hopLength: Int,
                title: String = "Log-Mel Spectrogram") throws {
        let frames = values.first?.count ?? 0
        guard !values.isEmpty, frames > 0, values.allSatisfy({ $0.count == frames }) else {
            throw PlotError.invalidData(chart: "spectrogram", reason: "the matrix must be rectangular and non-empty")
        }
        guard sampleRate > 0, hopLength > 0 else {
            throw PlotError.invalidData(chart: "spectrogram", reason: "the sample rate and hop length must be positive")
        }
        self.values = values
        self.frequencyAxis = frequencyAxis
        secondsPerFrame = Double(hopLength) / sampleRate
        self.title = title
    }

    /// The vertical axis: its range in the axis's own unit (mels or Hz) and its ticks in Hz.
    private func frequencyTicks() -> AxisSpec {
        switch frequencyAxis {
        case .mel(let minHz, let maxHz):
            let low = MelScale.mel(fromHz: minHz), high = MelScale.mel(fromHz: maxHz)
            // librosa labels mel axes at 0 Hz and powers of two; 0 Hz and the high octaves come first
            // so that crowded low octaves are the ones left out.
            let candidates = [0.0] + (6...15).reversed().map { pow(2, Double($0)) }
            let shown = candidates.filter { $0 >= minHz && $0 <= maxHz }
            return AxisSpec(label: "Hz", low: low, high: high > low ? high : low + 1,
                            ticks: .fixed(shown.map(MelScale.mel(fromHz:)), shown.map { String(Int($0)) }))
        case .linear(let maxHz):
            return AxisSpec(label: "Hz", low: 0, high: maxHz > 0 ? maxHz : 1, ticks: .numeric(.plain, minimumStep: 1))
        }
    }

    /// Draws the chart in `frame`.
    public func draw(on canvas: inout Canvas, in frame: Rect, font: Font) {
        let bins = values.count, frames = values[0].count
        let finite = values.joined().filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let bar = ColorBar(map: .magma, low: low, high: high > low ? high : low + 1,
                           format: unit.isEmpty ? .plain : .signed(unit: unit), length: frame.height * 0.7,
                           style: style, font: font)
        let duration = Double(frames) * secondsPerFrame
        let layout = AxesLayout(
            frame: frame, title: title,
            x: AxisSpec(label: "Time (s)", low: 0, high: duration, ticks: .numeric(.plain, minimumStep: 0)),
            y: frequencyTicks(), rightReserve: bar.reserve(style: style),
            style: style, font: font)
        var cells: [Color] = []
        cells.reserveCapacity(bins * frames)
        for bin in stride(from: bins - 1, through: 0, by: -1) {
            for value in values[bin] {
                cells.append(bar.map.color(of: value.isFinite ? value : low, low: bar.low, high: bar.high))
            }
        }
        canvas.drawCells(cells, columns: frames, rows: bins, into: PixelBounds(covering: layout.plot))
        layout.drawAxes(on: &canvas, font: font)
        bar.draw(beside: layout.plot, on: &canvas, style: style, font: font)
    }
}
