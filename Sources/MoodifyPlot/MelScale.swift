import Foundation

/// The Slaney mel scale (librosa's default, `htk=False`): linear below 1 kHz (3 mels per 200 Hz), logarithmic above.
public enum MelScale {
    private static let linearStep = 200.0 / 3
    private static let breakHz = 1000.0
    private static let breakMel = breakHz / linearStep
    private static let logStep = log(6.4) / 27

    /// The mel value of a frequency in hertz.
    public static func mel(fromHz hz: Double) -> Double {
        hz < breakHz ? hz / linearStep : breakMel + log(hz / breakHz) / logStep
    }

    /// The frequency in hertz of a mel value.
    public static func hz(fromMel mel: Double) -> Double {
        mel < breakMel ? mel * linearStep : breakHz * exp(logStep * (mel - breakMel))
    }
}
