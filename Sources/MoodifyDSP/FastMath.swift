/// Branch-free elementary functions written so that loops over them vectorise (sin/cos, atan2 and log live with the
/// C++ kernels that use them, in CMoodifyKernels' FastMath.h).
enum FastMath {
    /// log10(x) for positive finite float x, evaluated in double precision.
    @inline(__always) static func log10(_ x: Float) -> Double {
        // x = m · 2^e with m in [√½, √2); log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716.
        let bits = x.bitPattern
        let e0 = Int32(bitPattern: bits >> 23) &- 127
        let m0 = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F80_0000)
        let big = m0 > 1.41421356
        let m = Double(big ? m0 * 0.5 : m0), e = Double(big ? e0 &+ 1 : e0)
        let s = (m - 1) / (m + 1), s2 = s * s
        // atanh series to s^13: truncation 0.1716^15 / 15 ≈ 2e-13.
        let atanh = s * (1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11 + s2 / 13))))))
        return (2 * atanh + e * 0.69314718055994531) * 0.43429448190325182
    }
}
