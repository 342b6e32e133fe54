// The polar form of STFT frames (MoodifyDSP's PolarFrames), 16 lanes at a time, built for AVX-512, AVX2 and
// baseline x86-64 (see Clones.h).
#include "MoodifyKernels.h"
#include "Clones.h"
#include "FastMath.h"

#include <cstring>

namespace {

/// Magnitudes and angles of 16 values.
__attribute__((always_inline)) inline void polar16(const float *re, const float *im, float *magnitude, float *angle) {
    moodify::Floats16 x, y;
    std::memcpy(&x, re, sizeof x);
    std::memcpy(&y, im, sizeof y);
    moodify::Floats16 m = __builtin_elementwise_sqrt(x * x + y * y), a = moodify::atan2(y, x);
    std::memcpy(magnitude, &m, sizeof m);
    std::memcpy(angle, &a, sizeof a);
}

}  // namespace

MOODIFY_CLONES
void moodify_polar(const float *re, const float *im, ptrdiff_t count, float *magnitude, float *angle) {
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) polar16(re + i, im + i, magnitude + i, angle + i);
    if (i == count) return;
    // The last values, fewer than 16, through zero-padded copies.
    float x[16] = {}, y[16] = {}, m[16], a[16];
    std::memcpy(x, re + i, (count - i) * sizeof(float));
    std::memcpy(y, im + i, (count - i) * sizeof(float));
    polar16(x, y, m, a);
    std::memcpy(magnitude + i, m, (count - i) * sizeof(float));
    std::memcpy(angle + i, a, (count - i) * sizeof(float));
}
