// Spectral contrast's band extremes (MoodifyDSP's spectralContrast), 16 frames at a time, built for AVX-512, AVX2
// and baseline x86-64 (see Clones.h).
#include "MoodifyKernels.h"
#include "Clones.h"
#include "FastMath.h"

#include <cstring>
#include <vector>

namespace {

using moodify::Floats16;

/// The means of the `count` smallest and largest values of rows lo..<hi for 16 frames (value of row b at
/// rows[b * stride]). Each new value runs down two sorted lists of `count` with compare-exchanges (min/max), so the
/// lists hold the smallest (ascending) and largest (descending) so far; the sums then go in ascending order.
__attribute__((always_inline)) inline void extremes16(const float *rows, ptrdiff_t stride, ptrdiff_t lo, ptrdiff_t hi,
                                                      ptrdiff_t count, Floats16 *low, Floats16 *high,
                                                      float *valley, float *peak) {
    for (ptrdiff_t j = 0; j < count; j++) {
        low[j] = moodify::splat(__builtin_inff());
        high[j] = moodify::splat(-__builtin_inff());
    }
    for (ptrdiff_t b = lo; b < hi; b++) {
        Floats16 x;
        std::memcpy(&x, rows + b * stride, sizeof x);
        Floats16 y = x;
        for (ptrdiff_t j = 0; j < count; j++) {
            Floats16 kept = low[j];
            low[j] = kept < x ? kept : x;
            x = kept < x ? x : kept;
            Floats16 top = high[j];
            high[j] = top > y ? top : y;
            y = top > y ? y : top;
        }
    }
    Floats16 lowSum = moodify::splat(0.0f), highSum = moodify::splat(0.0f);
    for (ptrdiff_t i = 0; i < count; i++) {
        lowSum += low[i];
        highSum += high[count - 1 - i];
    }
    Floats16 valleys = lowSum / static_cast<float>(count), peaks = highSum / static_cast<float>(count);
    std::memcpy(valley, &valleys, sizeof valleys);
    std::memcpy(peak, &peaks, sizeof peaks);
}

}  // namespace

MOODIFY_CLONES
void moodify_band_extremes(const float *values, ptrdiff_t frames, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t count,
                           float *valley, float *peak) {
    std::vector<Floats16> low(static_cast<size_t>(count)), high(static_cast<size_t>(count));
    ptrdiff_t t = 0;
    for (; t + 16 <= frames; t += 16)
        extremes16(values + t, frames, lo, hi, count, low.data(), high.data(), valley + t, peak + t);
    if (t == frames) return;
    // The last frames, fewer than 16, through a zero-padded copy of the band.
    const ptrdiff_t rest = frames - t, rows = hi - lo;
    std::vector<float> band(static_cast<size_t>(rows * 16), 0.0f);
    for (ptrdiff_t b = 0; b < rows; b++) std::memcpy(&band[b * 16], values + (lo + b) * frames + t, rest * sizeof(float));
    float v[16], p[16];
    extremes16(band.data(), 16, 0, rows, count, low.data(), high.data(), v, p);
    std::memcpy(valley + t, v, rest * sizeof(float));
    std::memcpy(peak + t, p, rest * sizeof(float));
}
