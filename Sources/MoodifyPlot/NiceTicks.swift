import Foundation

/// Tick values on "nice" steps: 1, 2 or 5 times a power of ten.
public enum NiceTicks {
    /// The smallest 1-2-5 step that is at least `raw` (raw > 0).
    public static func step(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= raw * (1 - 1e-9) {
            return factor * power
        }
        return 10 * power
    }

    /// The next larger 1-2-5 step after `step`.
    public static func step(after step: Double) -> Double {
        Self.step(atLeast: step * 1.5)
    }

    /// The multiples of `step` inside `low…high`.
    public static func values(from low: Double, to high: Double, step: Double) -> [Double] {
        guard step > 0, low <= high else { return [] }
        let first = (low / step - 1e-9).rounded(.up), last = (high / step + 1e-9).rounded(.down)
        guard first <= last, last - first < 10_000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }

    /// How many decimals show every multiple of `step` exactly (0 for steps of 1 and above).
    public static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        return max(0, -Int((log10(step) + 1e-9).rounded(.down)))
    }

    /// `value` with `decimals` digits after the point and a typographic minus sign.
    public static func format(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(min(decimals, 10))f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            return digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : "\u{2212}" + digits
        }
        return text
    }
}

/// How numeric tick labels are written.
public enum TickFormat: Sendable, Hashable {
    /// Plain numbers with as many decimals as the step needs.
    case plain
    /// Signed whole numbers followed by a unit, as librosa's colour bars ("+0 dB", "−20 dB").
    case signed(unit: String)

    /// The label of `value` on an axis stepping by `step`.
    func label(_ value: Double, step: Double) -> String {
        switch self {
        case .plain:
            return NiceTicks.format(value, decimals: NiceTicks.decimals(for: step))
        case .signed(let unit):
            let number = NiceTicks.format(value, decimals: NiceTicks.decimals(for: step))
            let signed = value > 0 || number.allSatisfy({ $0 == "0" || $0 == "." }) ? "+" + number : number
            return unit.isEmpty ? signed : signed + " " + unit
        }
    }
}
