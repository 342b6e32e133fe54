/// Branch-free elementary functions written so that loops over them vectorise. The float versions are accurate to
/// about one float32 ulp, the double versions to about 1e-12 relative.
enum FastMath {
    /// 1.5·2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer, ties to even.
    @inline(__always) static var roundingMagic: Double { 6755399441055744.0 }

    /// x rounded to the nearest integer, ties to even (numpy's `round`), for |x| < 2^51.
    @inline(__always) static func roundEven(_ x: Double) -> Double {
        (x + roundingMagic) - roundingMagic
    }

    /// (sin x, cos x) of a float angle of any size up to ~1e9 rad: Cody–Waite reduction by π/2 in double precision,
    /// then Cephes' single-precision polynomials on [−π/4, π/4].
    @inline(__always) static func sinCos(_ x: Float) -> (sin: Float, cos: Float) {
        let xd = Double(x)
        // Quadrant k = round(x / (π/2)); its low two bits ride in the mantissa of the magic sum.
        let shifted = xd * 0.63661977236758138 + roundingMagic
        let quadrant = Int32(truncatingIfNeeded: shifted.bitPattern) & 3
        let k = shifted - roundingMagic
        let r = Float((xd - k * 1.5707963267948966) - k * 6.123233995736766e-17)
        let z = r * r
        let s = r + r * z * ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1)
        let c = 1 - 0.5 * z + z * z * ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2)
        let swap = quadrant & 1 == 1
        let sinValue = swap ? c : s, cosValue = swap ? s : c
        let sinNegative = quadrant >= 2, cosNegative = quadrant == 1 || quadrant == 2
        return (sinNegative ? -sinValue : sinValue, cosNegative ? -cosValue : cosValue)
    }

    /// (sin x, cos x) in double precision for |x| up to ~1e6.
    @inline(__always) static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        let shifted = x * 0.63661977236758138 + roundingMagic
        let quadrant = Int32(truncatingIfNeeded: shifted.bitPattern) & 3
        let k = shifted - roundingMagic
        let r = (x - k * 1.5707963267948966) - k * 6.123233995736766e-17
        let r2 = r * r
        // Taylor series to r^13 / r^14: truncation below 1e-14 on [−π/4, π/4].
        let s = r + r * r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880
            + r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800))))))
        let c = 1 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 + r2 * (-1.0 / 3628800
            + r2 * (1.0 / 479001600 + r2 * (-1.0 / 87178291200)))))))
        let swap = quadrant & 1 == 1
        let sinValue = swap ? c : s, cosValue = swap ? s : c
        let sinNegative = quadrant >= 2, cosNegative = quadrant == 1 || quadrant == 2
        return (sinNegative ? -sinValue : sinValue, cosNegative ? -cosValue : cosValue)
    }

    /// atan2(y, x) for finite floats, bit for bit as the C library numpy calls here computes it (glibc 2.36's
    /// fdlibm-derived atan2f/atanf: the same float operations in the same order), but without branches so that loops
    /// over it vectorise. Bit equality matters: librosa's phase vocoder accumulates these angles in float32, where a
    /// one-ulp difference can flip a rounding and shift a bin's phase for the rest of the signal.
    @inline(__always) static func atan2(_ y: Float, _ x: Float) -> Float {
        let hx = Int32(bitPattern: x.bitPattern), hy = Int32(bitPattern: y.bitPattern)
        let ix = hx & 0x7FFF_FFFF, iy = hy & 0x7FFF_FFFF
        let pi = Float(bitPattern: 0x4049_0FDB), piLo = Float(bitPattern: 0xB3BB_BD2E)
        let piOver2 = Float(bitPattern: 0x3FC9_0FDB)
        // atan of a = |y / x| ≥ 0, reduced by the interval a falls in (id −1 … 3).
        let a = abs(y / x)
        let ia = Int32(bitPattern: a.bitPattern)
        let id: Int32 = ia < 0x3EE0_0000 ? -1 : ia < 0x3F30_0000 ? 0 : ia < 0x3F98_0000 ? 1 : ia < 0x401C_0000 ? 2 : 3
        let numerator: Float = id == -1 ? a : id == 0 ? (a + a) - 1 : id == 1 ? a - 1 : id == 2 ? a - 1.5 : -1
        let denominator: Float = id == -1 ? 1 : id == 0 ? 2 + a : id == 1 ? a + 1 : id == 2 ? 1.5 * a + 1 : a
        let t = numerator / denominator
        let z = t * t, w = z * z
        let s1 = z * (Float(bitPattern: 0x3EAA_AAAB) + w * (Float(bitPattern: 0x3E12_4925) + w * (Float(bitPattern: 0x3DBA_2E6E)
            + w * (Float(bitPattern: 0x3D88_6B35) + w * (Float(bitPattern: 0x3D4B_DA59) + w * Float(bitPattern: 0x3C85_69D7))))))
        let s2 = w * (Float(bitPattern: 0xBE4C_CCCD) + w * (Float(bitPattern: 0xBDE3_8E38) + w * (Float(bitPattern: 0xBD9D_8795)
            + w * (Float(bitPattern: 0xBD6E_F16B) + w * Float(bitPattern: 0xBD15_A221)))))
        let hi: Float = id == 0 ? Float(bitPattern: 0x3EED_6338) : id == 1 ? Float(bitPattern: 0x3F49_0FDA)
            : id == 2 ? Float(bitPattern: 0x3F7B_985E) : Float(bitPattern: 0x3FC9_0FDA)
        let lo: Float = id == 0 ? Float(bitPattern: 0x31AC_3769) : id == 1 ? Float(bitPattern: 0x3322_2168)
            : id == 2 ? Float(bitPattern: 0x3314_0FB4) : Float(bitPattern: 0x33A2_2168)
        var atan = id == -1 ? t - t * (s1 + s2) : hi - ((t * (s1 + s2) - lo) - t)
        atan = ia >= 0x4C00_0000 ? Float(bitPattern: 0x3FC9_0FDA) + Float(bitPattern: 0x33A2_2168) : atan
        // Extreme ratios, as atan2f: |y/x| > 2^60 gives π/2, |y|/x < −2^60 gives 0.
        let k = (iy &- ix) >> 23
        atan = k > 60 ? piOver2 + 0.5 * piLo : (hx < 0 && k < -60) ? 0 : atan
        // Quadrant from the signs: m = 2·sign(x) + sign(y).
        let m = ((hy >> 31) & 1) | ((hx >> 30) & 2)
        var result = m == 0 ? atan : m == 1 ? -atan : m == 2 ? pi - (atan - piLo) : (atan - piLo) - pi
        result = ix == 0 ? (hy < 0 ? -piOver2 : piOver2) : result
        result = iy == 0 ? (m < 2 ? y : m == 2 ? pi : -pi) : result
        return result
    }

    /// `atan2` on four lanes at once, the same operations lane by lane (explicit vectors, because the compiler does
    /// not vectorise the scalar version's selects).
    @inline(__always) static func atan2(_ y: SIMD4<Float>, _ x: SIMD4<Float>) -> SIMD4<Float> {
        typealias F = SIMD4<Float>
        typealias I = SIMD4<Int32>
        let hx = unsafeBitCast(x, to: I.self), hy = unsafeBitCast(y, to: I.self)
        let ix = hx & 0x7FFF_FFFF, iy = hy & 0x7FFF_FFFF
        let pi = F(repeating: Float(bitPattern: 0x4049_0FDB)), piLo = F(repeating: Float(bitPattern: 0xB3BB_BD2E))
        let piOver2 = F(repeating: Float(bitPattern: 0x3FC9_0FDB))
        let quotient = y / x
        let a = unsafeBitCast(unsafeBitCast(quotient, to: I.self) & 0x7FFF_FFFF, to: F.self)
        let ia = unsafeBitCast(a, to: I.self)
        let small = ia .< 0x3EE0_0000, id0 = ia .>= 0x3EE0_0000 .& ia .< 0x3F30_0000
        let id1 = ia .>= 0x3F30_0000 .& ia .< 0x3F98_0000, id2 = ia .>= 0x3F98_0000 .& ia .< 0x401C_0000
        let id3 = ia .>= 0x401C_0000
        var numerator = a, denominator = F(repeating: 1)
        numerator.replace(with: (a + a) - 1, where: id0); denominator.replace(with: 2 + a, where: id0)
        numerator.replace(with: a - 1, where: id1); denominator.replace(with: a + 1, where: id1)
        numerator.replace(with: a - 1.5, where: id2); denominator.replace(with: 1.5 * a + 1, where: id2)
        numerator.replace(with: -1, where: id3); denominator.replace(with: a, where: id3)
        let t = numerator / denominator
        let z = t * t, w = z * z
        let s1 = z * (Float(bitPattern: 0x3EAA_AAAB) + w * (Float(bitPattern: 0x3E12_4925) + w * (Float(bitPattern: 0x3DBA_2E6E)
            + w * (Float(bitPattern: 0x3D88_6B35) + w * (Float(bitPattern: 0x3D4B_DA59) + w * Float(bitPattern: 0x3C85_69D7))))))
        let s2 = w * (Float(bitPattern: 0xBE4C_CCCD) + w * (Float(bitPattern: 0xBDE3_8E38) + w * (Float(bitPattern: 0xBD9D_8795)
            + w * (Float(bitPattern: 0xBD6E_F16B) + w * Float(bitPattern: 0xBD15_A221)))))
        var hi = F(repeating: Float(bitPattern: 0x3FC9_0FDA)), lo = F(repeating: Float(bitPattern: 0x33A2_2168))
        hi.replace(with: Float(bitPattern: 0x3EED_6338), where: id0); lo.replace(with: Float(bitPattern: 0x31AC_3769), where: id0)
        hi.replace(with: Float(bitPattern: 0x3F49_0FDA), where: id1); lo.replace(with: Float(bitPattern: 0x3322_2168), where: id1)
        hi.replace(with: Float(bitPattern: 0x3F7B_985E), where: id2); lo.replace(with: Float(bitPattern: 0x3314_0FB4), where: id2)
        var atan = hi - ((t * (s1 + s2) - lo) - t)
        atan.replace(with: t - t * (s1 + s2), where: small)
        atan.replace(with: Float(bitPattern: 0x3FC9_0FDA) + Float(bitPattern: 0x33A2_2168), where: ia .>= 0x4C00_0000)
        let k = (iy &- ix) &>> 23
        atan.replace(with: 0, where: (hx .< 0) .& (k .< -60))
        atan.replace(with: piOver2 + 0.5 * piLo, where: k .> 60)
        let m = ((hy &>> 31) & 1) | ((hx &>> 30) & 2)
        var result = atan
        result.replace(with: -atan, where: m .== 1)
        result.replace(with: pi - (atan - piLo), where: m .== 2)
        result.replace(with: (atan - piLo) - pi, where: m .== 3)
        var axis = piOver2
        axis.replace(with: -piOver2, where: hy .< 0)
        result.replace(with: axis, where: ix .== 0)
        var onAxis = y
        onAxis.replace(with: pi, where: m .== 2)
        onAxis.replace(with: -pi, where: m .== 3)
        result.replace(with: onAxis, where: iy .== 0)
        return result
    }

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

    /// Natural logarithm of a positive normal double.
    @inline(__always) static func log(_ x: Double) -> Double {
        let bits = x.bitPattern
        // The biased exponent as a double without an integer conversion: 2^52 + e, minus 2^52.
        let biased = Double(bitPattern: 0x4330_0000_0000_0000 | ((bits >> 52) & 0x7FF)) - 4503599627370496.0
        let m0 = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        let big = m0 > 1.4142135623730951
        let m = big ? m0 * 0.5 : m0, e = biased - 1023 + (big ? 1 : 0)
        let s = (m - 1) / (m + 1), s2 = s * s
        // atanh series to s^17: truncation 0.1716^19 / 19 ≈ 2e-16.
        let atanh = s * (1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11
            + s2 * (1.0 / 13 + s2 * (1.0 / 15 + s2 / 17))))))))
        return 2 * atanh + e * 0.69314718055994531
    }
}
