// Branch-free elementary functions for the kernels: the same operations in the same order as MoodifyDSP's
// FastMath (Swift), so that results do not depend on which side computes them.
#ifndef MOODIFY_FAST_MATH_H
#define MOODIFY_FAST_MATH_H

#include <cstdint>
#include <cstring>

namespace moodify {

/// 1.5·2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer, ties to even.
constexpr double roundingMagic = 6755399441055744.0;

/// The low two bits of the integer a magic sum carries in its mantissa.
__attribute__((always_inline)) inline int32_t quadrantOf(double shifted) {
    uint64_t bits;
    std::memcpy(&bits, &shifted, sizeof bits);
    return static_cast<int32_t>(static_cast<uint32_t>(bits)) & 3;
}

/// FastMath.sinCos(Float): Cody–Waite reduction by π/2 in double precision, Cephes' single-precision polynomials.
__attribute__((always_inline)) inline void sinCos(float x, float &sinOut, float &cosOut) {
    double xd = x;
    double shifted = xd * 0.63661977236758138 + roundingMagic;
    int32_t quadrant = quadrantOf(shifted);
    double k = shifted - roundingMagic;
    float r = static_cast<float>((xd - k * 1.5707963267948966) - k * 6.123233995736766e-17);
    float z = r * r;
    float s = r + r * z * ((-1.9515295891e-4f * z + 8.3321608736e-3f) * z - 1.6666654611e-1f);
    float c = 1.0f - 0.5f * z + z * z * ((2.443315711809948e-5f * z - 1.388731625493765e-3f) * z + 4.166664568298827e-2f);
    bool swap = (quadrant & 1) == 1;
    float sinValue = swap ? c : s, cosValue = swap ? s : c;
    bool sinNegative = quadrant >= 2, cosNegative = quadrant == 1 || quadrant == 2;
    sinOut = sinNegative ? -sinValue : sinValue;
    cosOut = cosNegative ? -cosValue : cosValue;
}

/// FastMath.sinCos(Double), for |x| up to ~1e6: Taylor series on [−π/4, π/4] after the same reduction.
__attribute__((always_inline)) inline void sinCos(double x, double &sinOut, double &cosOut) {
    double shifted = x * 0.63661977236758138 + roundingMagic;
    int32_t quadrant = quadrantOf(shifted);
    double k = shifted - roundingMagic;
    double r = (x - k * 1.5707963267948966) - k * 6.123233995736766e-17;
    double r2 = r * r;
    double s = r + r * r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880
        + r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800))))));
    double c = 1 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 + r2 * (-1.0 / 3628800
        + r2 * (1.0 / 479001600 + r2 * (-1.0 / 87178291200)))))));
    bool swap = (quadrant & 1) == 1;
    double sinValue = swap ? c : s, cosValue = swap ? s : c;
    bool sinNegative = quadrant >= 2, cosNegative = quadrant == 1 || quadrant == 2;
    sinOut = sinNegative ? -sinValue : sinValue;
    cosOut = cosNegative ? -cosValue : cosValue;
}

/// x rounded to the nearest integer, ties to even, for |x| < 2^51.
__attribute__((always_inline)) inline double roundEven(double x) { return (x + roundingMagic) - roundingMagic; }

/// Natural logarithm of a positive normal double: x = m·2^e with m in [√½, √2), log m = 2·atanh((m − 1)/(m + 1)).
__attribute__((always_inline)) inline double log(double x) {
    uint64_t bits = __builtin_bit_cast(uint64_t, x);
    // The biased exponent as a double without an integer conversion: 2^52 + e, minus 2^52.
    double biased = __builtin_bit_cast(double, 0x4330000000000000ull | ((bits >> 52) & 0x7FF)) - 4503599627370496.0;
    double m0 = __builtin_bit_cast(double, (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);
    bool big = m0 > 1.4142135623730951;
    double m = big ? m0 * 0.5 : m0, e = biased - 1023 + (big ? 1 : 0);
    double s = (m - 1) / (m + 1), s2 = s * s;
    // atanh series to s^17: truncation 0.1716^19 / 19 ≈ 2e-16.
    double atanh = s * (1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11
        + s2 * (1.0 / 13 + s2 * (1.0 / 15 + s2 / 17))))))));
    return 2 * atanh + e * 0.69314718055994531;
}

/// The float whose bits are `u`.
constexpr float bitsFloat(uint32_t u) { return __builtin_bit_cast(float, u); }

/// 16 floats: one AVX-512 register, two AVX2 ones, four SSE ones.
typedef float Floats16 __attribute__((vector_size(64)));
/// 16 int32s, the lane masks and bit patterns of `Floats16`.
typedef int32_t Ints16 __attribute__((vector_size(64)));

/// `value` in every lane.
__attribute__((always_inline)) inline Floats16 splat(float value) { return Floats16{} + value; }

/// atan2 on 16 lanes: glibc 2.36's fdlibm-derived atan2f/atanf operation for operation, without branches (every
/// case computed, the lane's chosen by masks), so bit for bit the C library's float atan2 on finite input.
__attribute__((always_inline)) inline Floats16 atan2(Floats16 y, Floats16 x) {
    typedef Floats16 F;
    typedef Ints16 I;
    I hx = __builtin_bit_cast(I, x), hy = __builtin_bit_cast(I, y);
    I ix = hx & 0x7FFFFFFF, iy = hy & 0x7FFFFFFF;
    const F pi = splat(bitsFloat(0x40490FDB)), piLo = splat(bitsFloat(0xB3BBBD2E));
    const F piOver2 = splat(bitsFloat(0x3FC90FDB));
    F a = __builtin_bit_cast(F, __builtin_bit_cast(I, y / x) & 0x7FFFFFFF);
    I ia = __builtin_bit_cast(I, a);
    // The interval a falls in: id −1 (small), 0, 1, 2, 3.
    I small = ia < 0x3EE00000, id0 = (ia >= 0x3EE00000) & (ia < 0x3F300000);
    I id1 = (ia >= 0x3F300000) & (ia < 0x3F980000), id2 = (ia >= 0x3F980000) & (ia < 0x401C0000);
    I id3 = ia >= 0x401C0000;
    F one = splat(1.0f);
    F numerator = id0 ? (a + a) - 1.0f : id1 ? a - 1.0f : id2 ? a - 1.5f : id3 ? splat(-1.0f) : a;
    F denominator = id0 ? 2.0f + a : id1 ? a + 1.0f : id2 ? 1.5f * a + 1.0f : id3 ? a : one;
    F t = numerator / denominator;
    F z = t * t, w = z * z;
    F s1 = z * (bitsFloat(0x3EAAAAAB) + w * (bitsFloat(0x3E124925) + w * (bitsFloat(0x3DBA2E6E)
        + w * (bitsFloat(0x3D886B35) + w * (bitsFloat(0x3D4BDA59) + w * bitsFloat(0x3C8569D7))))));
    F s2 = w * (bitsFloat(0xBE4CCCCD) + w * (bitsFloat(0xBDE38E38) + w * (bitsFloat(0xBD9D8795)
        + w * (bitsFloat(0xBD6EF16B) + w * bitsFloat(0xBD15A221)))));
    F hi = id0 ? splat(bitsFloat(0x3EED6338)) : id1 ? splat(bitsFloat(0x3F490FDA))
        : id2 ? splat(bitsFloat(0x3F7B985E)) : splat(bitsFloat(0x3FC90FDA));
    F lo = id0 ? splat(bitsFloat(0x31AC3769)) : id1 ? splat(bitsFloat(0x33222168))
        : id2 ? splat(bitsFloat(0x33140FB4)) : splat(bitsFloat(0x33A22168));
    F atan = small ? t - t * (s1 + s2) : hi - ((t * (s1 + s2) - lo) - t);
    atan = ia >= 0x4C000000 ? splat(bitsFloat(0x3FC90FDA) + bitsFloat(0x33A22168)) : atan;
    // Extreme ratios, as atan2f: |y/x| > 2^60 gives π/2, |y|/x < −2^60 gives 0.
    I k = (iy - ix) >> 23;
    atan = ((hx < 0) & (k < -60)) ? splat(0.0f) : atan;
    atan = k > 60 ? piOver2 + 0.5f * piLo : atan;
    // Quadrant from the signs: m = 2·sign(x) + sign(y).
    I m = ((hy >> 31) & 1) | ((hx >> 30) & 2);
    F result = m == 1 ? -atan : m == 2 ? pi - (atan - piLo) : m == 3 ? (atan - piLo) - pi : atan;
    result = ix == 0 ? (hy < 0 ? -piOver2 : piOver2) : result;
    result = iy == 0 ? (m == 2 ? pi : m == 3 ? -pi : y) : result;
    return result;
}

}  // namespace moodify

#endif
