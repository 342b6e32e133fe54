import Foundation
import Testing
@testable import MoodifyDSP

/// The vectorisable elementary functions against the C library over wide argument ranges.
@Suite struct FastMathTests {
    @Test func sinCosMatchLibm() {
        var worst: Float = 0
        var x: Float = -2e5
        // Phases the vocoder accumulates reach ~1e5 rad; float spacing there is 0.0156, so compare in ulps of the result.
        while x < 2e5 {
            let (s, c) = FastMath.sinCos(x)
            worst = max(worst, abs(s - Float(sin(Double(x)))), abs(c - Float(cos(Double(x)))))
            x += 0.37
        }
        // Within two float ulps of values ≤ 1 (1.2e-7) of the correctly rounded result, as numpy's own float32
        // sin/cos (librosa's phasor) are; these values scale the output and never accumulate.
        #expect(worst <= 1.2e-7)
    }

    @Test func atan2MatchesLibm() {
        var state: UInt64 = 12345
        func next() -> UInt32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 32)
        }
        var equal = 0, total = 0
        var worstUlps: Int32 = 0
        var laneMismatches = 0
        for i in 0..<60_000 {
            let a = next(), b = next()
            // Random signs and mantissas, exponents 2^-27 … 2^32; every third pair of similar size.
            let y = Float(bitPattern: (a & 0x807F_FFFF) | ((100 + (a >> 23) % 60) << 23))
            var x = Float(bitPattern: (b & 0x807F_FFFF) | ((100 + (b >> 23) % 60) << 23))
            if i % 3 == 0 { x = y * (1 + Float(b % 1000) * 1e-3) }
            let ours = FastMath.atan2(y, x), theirs = Foundation.atan2f(y, x)
            let lanes = FastMath.atan2(SIMD4(y, -y, y, 0), SIMD4(x, x, -x, x))
            let scalar = SIMD4(ours, FastMath.atan2(-y, x), FastMath.atan2(y, -x), FastMath.atan2(0, x))
            if unsafeBitCast(lanes, to: SIMD4<UInt32>.self) != unsafeBitCast(scalar, to: SIMD4<UInt32>.self) { laneMismatches += 1 }
            total += 1
            if ours.bitPattern == theirs.bitPattern { equal += 1 }
            worstUlps = max(worstUlps, abs(Int32(bitPattern: ours.bitPattern) &- Int32(bitPattern: theirs.bitPattern)))
        }
        // A port of fdlibm's atan2f: bit-identical to glibc 2.36 here; a C library with a correctly rounded atan2f
        // would still agree to one ulp, and on nearly every input.
        #expect(worstUlps <= 1)
        #expect(laneMismatches == 0, "the four-lane version computes exactly the scalar one")
        #expect(Double(equal) >= 0.999 * Double(total))
        let pi = Float(bitPattern: 0x4049_0FDB)
        #expect(FastMath.atan2(0, -0.0) == pi && FastMath.atan2(-0.0, -0.0) == -pi)
        #expect(FastMath.atan2(0, 0) == 0 && FastMath.atan2(0, 1) == 0 && FastMath.atan2(1, 0) == Float(bitPattern: 0x3FC9_0FDB))
        #expect(FastMath.atan2(-0.0, 0).sign == .minus && FastMath.atan2(-2, 0) == -Float(bitPattern: 0x3FC9_0FDB))
        #expect(FastMath.atan2(1e30, 1e-30) == Foundation.atan2f(1e30, 1e-30))
        #expect(FastMath.atan2(1e-30, -1e30) == Foundation.atan2f(1e-30, -1e30))
        let special = FastMath.atan2(SIMD4(0, -0.0, 1, -2), SIMD4(-0.0, -0.0, 0, 0))
        #expect(special == SIMD4(pi, -pi, Float(bitPattern: 0x3FC9_0FDB), -Float(bitPattern: 0x3FC9_0FDB)))
    }

    @Test func doubleSinCosAndLogMatchLibm() {
        var worst = 0.0
        var x = -1000.0
        while x < 1000 {
            let (s, c) = FastMath.sinCos(x)
            worst = max(worst, abs(s - sin(x)), abs(c - cos(x)))
            x += 0.0137
        }
        // Double-precision reduction and series: 1e-13 absolute on values ≤ 1.
        #expect(worst < 1e-13)
        var worstLog = 0.0
        var y = 1e-300
        while y < 1e300 {
            worstLog = max(worstLog, abs(FastMath.log(y) - Foundation.log(y)) / max(1, abs(Foundation.log(y))))
            y *= 1.37
        }
        #expect(worstLog < 1e-14)
    }

    @Test func log10MatchesLibm() {
        var worst = 0.0
        var x: Float = 1e-12
        while x < 1e12 {
            worst = max(worst, abs(FastMath.log10(x) - Foundation.log10(Double(x))))
            x *= 1.0137
        }
        // Double-precision evaluation: 1e-12 absolute on values up to 12.
        #expect(worst < 1e-12)
    }
}
