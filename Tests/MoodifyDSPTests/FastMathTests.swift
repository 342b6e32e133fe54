import CMoodifyKernels
import Foundation
import Testing
@testable import MoodifyDSP

/// atan2 of each pair through the polar kernel (`moodify_polar`), which runs the vectorised clone on whole
/// blocks and its scalar remainder loop on the rest.
private func kernelAtan2(_ y: [Float], _ x: [Float]) -> [Float] {
    var magnitude = [Float](repeating: 0, count: y.count), angle = magnitude
    moodify_polar(x, y, y.count, &magnitude, &angle)
    return angle
}

/// One float atan2 through the kernel.
private func kernelAtan2(_ y: Float, _ x: Float) -> Float { kernelAtan2([y], [x])[0] }

/// The vectorisable elementary functions (FastMath and CMoodifyKernels' FastMath.h) against the C library over
/// wide argument ranges.
@Suite struct FastMathTests {
    @Test func sinCosMatchLibm() {
        // The phase vocoder's frame kernel with unit magnitudes and no advance writes (cos, sin) of the phases.
        let phases = Array(stride(from: Float(-2e5), to: 2e5, by: 0.37))
        let ones = [Float](repeating: 1, count: phases.count), none = [Double](repeating: 0, count: phases.count)
        var phase = phases, cosines = ones, sines = ones
        moodify_phase_vocoder_frame(ones, ones, 0, &phase, none, phases.count, &cosines, &sines)
        var worst: Float = 0
        // Phases the vocoder accumulates reach ~1e5 rad; float spacing there is 0.0156, so compare in ulps of the result.
        for (i, x) in phases.enumerated() {
            worst = max(worst, abs(sines[i] - Float(sin(Double(x)))), abs(cosines[i] - Float(cos(Double(x)))))
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
        var ys = [Float](), xs = [Float]()
        for i in 0..<60_000 {
            let a = next(), b = next()
            // Random signs and mantissas, exponents 2^-27 … 2^32; every third pair of similar size.
            let y = Float(bitPattern: (a & 0x807F_FFFF) | ((100 + (a >> 23) % 60) << 23))
            var x = Float(bitPattern: (b & 0x807F_FFFF) | ((100 + (b >> 23) % 60) << 23))
            if i % 3 == 0 { x = y * (1 + Float(b % 1000) * 1e-3) }
            ys += [y, -y, y, 0]
            xs += [x, x, -x, x]
        }
        let vectorised = kernelAtan2(ys, xs)
        var equal = 0, total = 0
        var worstUlps: Int32 = 0
        var laneMismatches = 0
        for i in stride(from: 0, to: ys.count, by: 4) {
            let ours = vectorised[i], theirs = Foundation.atan2f(ys[i], xs[i])
            // The first pairs again through the scalar remainder loop.
            if i < 4000 && (i..<(i + 4)).contains(where: { kernelAtan2(ys[$0], xs[$0]).bitPattern != vectorised[$0].bitPattern }) {
                laneMismatches += 1
            }
            total += 1
            if ours.bitPattern == theirs.bitPattern { equal += 1 }
            worstUlps = max(worstUlps, abs(Int32(bitPattern: ours.bitPattern) &- Int32(bitPattern: theirs.bitPattern)))
        }
        // A port of fdlibm's atan2f: bit-identical to glibc 2.36 here; a C library with a correctly rounded atan2f
        // would still agree to one ulp, and on nearly every input.
        #expect(worstUlps <= 1)
        #expect(laneMismatches == 0, "the vectorised loop computes exactly the scalar one")
        #expect(Double(equal) >= 0.999 * Double(total))
        let pi = Float(bitPattern: 0x4049_0FDB)
        #expect(kernelAtan2(0, -0.0) == pi && kernelAtan2(-0.0, -0.0) == -pi)
        #expect(kernelAtan2(0, 0) == 0 && kernelAtan2(0, 1) == 0 && kernelAtan2(1, 0) == Float(bitPattern: 0x3FC9_0FDB))
        #expect(kernelAtan2(-0.0, 0).sign == .minus && kernelAtan2(-2, 0) == -Float(bitPattern: 0x3FC9_0FDB))
        #expect(kernelAtan2(1e30, 1e-30) == Foundation.atan2f(1e30, 1e-30))
        #expect(kernelAtan2(1e-30, -1e30) == Foundation.atan2f(1e-30, -1e30))
        let special = kernelAtan2([0, -0.0, 1, -2] + [Float](repeating: 0, count: 16), [-0.0, -0.0, 0, 0] + [Float](repeating: 1, count: 16))
        #expect(Array(special.prefix(4)) == [pi, -pi, Float(bitPattern: 0x3FC9_0FDB), -Float(bitPattern: 0x3FC9_0FDB)])
    }

    @Test func doubleSinCosAndLogMatchLibm() {
        // The noise kernel with amount 1: radii √(−2·log(1 − u)), angles and sines cos and sin of 2π·a.
        let angles = Array(stride(from: -1000.0, to: 1000, by: 0.0137)).map { $0 / (2 * Double.pi) }
        let uniforms = (0..<angles.count).map { 1 - pow(1.37, -Double($0 % 110)) }
        var radii = uniforms, cosines = angles, sines = angles
        moodify_box_muller(&radii, &cosines, &sines, angles.count, 1)
        var worst = 0.0, worstLog = 0.0
        for i in angles.indices {
            let x = 2 * Double.pi * angles[i]
            worst = max(worst, abs(sines[i] - sin(x)), abs(cosines[i] - cos(x)))
            let logarithm = Foundation.log(1 - uniforms[i]), ours = -radii[i] * radii[i] / 2
            worstLog = max(worstLog, abs(ours - logarithm) / max(1, abs(logarithm)))
        }
        // Double-precision reduction and series: 1e-13 absolute on values ≤ 1.
        #expect(worst < 1e-13)
        // The logarithm to ~1e-15 relative (squaring the root adds an ulp or two).
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
