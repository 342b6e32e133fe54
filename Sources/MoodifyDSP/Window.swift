import Foundation
import Synchronization

/// Analysis window shapes, as scipy's `get_window(name, n, fftbins=True)`.
public enum Window: Sendable, Hashable {
    /// Periodic Hann window: 0.5 − 0.5·cos(2πk/n).
    case hann
    /// Rectangular window of ones.
    case ones

    /// The `length` window values (periodic, for FFT use), rounded to float32.
    public func values(length: Int) -> [Float] {
        doubleValues(length: length).map { Float($0) }
    }

    /// The `length` window values in double precision, as scipy returns them.
    public func doubleValues(length: Int) -> [Double] {
        precondition(length >= 0, "window length must not be negative")
        switch self {
        case .ones:
            return [Double](repeating: 1, count: length)
        case .hann:
            if length == 1 { return [1] }
            let step = 2.0 * Double.pi / Double(length)
            return (0..<length).map { 0.5 - 0.5 * cos(step * Double($0)) }
        }
    }

    /// The window of `winLength` values centred in `size` zeros, as librosa's `pad_center`, rounded to float32.
    public func padded(length winLength: Int, to size: Int) -> [Float] {
        paddedDouble(length: winLength, to: size).map { Float($0) }
    }

    /// The window of `winLength` values centred in `size` zeros, in double precision.
    public func paddedDouble(length winLength: Int, to size: Int) -> [Double] {
        precondition(winLength <= size, "window length \(winLength) exceeds the frame size \(size)")
        var out = [Double](repeating: 0, count: size)
        let left = (size - winLength) / 2
        let w = doubleValues(length: winLength)
        for k in 0..<winLength { out[left + k] = w[k] }
        return out
    }
}

/// Padded windows already computed, by shape; every frame of every clip uses the same few.
private let windowCache = Mutex<[WindowKey: [Double]]>([:])

/// Cache key of a padded window.
private struct WindowKey: Hashable, Sendable {
    var window: Window, length: Int, size: Int
}

/// Shared padded windows in double precision.
enum WindowCache {
    /// `window.paddedDouble(length:to:)`, computed once per process.
    static func doubles(_ window: Window, length: Int, size: Int) -> [Double] {
        let key = WindowKey(window: window, length: length, size: size)
        if let w = windowCache.withLock({ $0[key] }) { return w }
        let w = window.paddedDouble(length: length, to: size)
        windowCache.withLock { $0[key] = w }
        return w
    }
}
