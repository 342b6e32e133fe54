// HPSS's soft masks, vectorised for AVX-512, AVX2 and baseline x86-64 (see Clones.h).
#include "MoodifyKernels.h"
#include "Clones.h"

#include <cfloat>
#include <cmath>

namespace {

/// The masks of `count` cells; `Squared` (power 2) and `Both` (percussive wanted) are fixed per loop, so that the
/// usual case has no call and no branch and vectorises.
template <bool Squared, bool Both>
__attribute__((always_inline)) inline void softMasks(const float *h, const float *p, const float *re, const float *im, ptrdiff_t count,
                      float power, float *hRe, float *hIm, float *pRe, float *pIm) {
    const float tiny = FLT_MIN;
    for (ptrdiff_t i = 0; i < count; i++) {
        // The quotients of the ½ case are computed and discarded.
        float hv = h[i], pv = p[i];
        float z = pv >= hv ? pv : hv;
        bool usable = z >= tiny;
        float scale = usable ? z : 1.0f;
        float hz = hv / scale, pz = pv / scale;
        float a = Squared ? hz * hz : std::pow(hz, power);
        float b = Squared ? pz * pz : std::pow(pz, power);
        float maskH = usable ? a / (a + b) : 0.5f;
        hRe[i] = re[i] * maskH;
        hIm[i] = im[i] * maskH;
        if (Both) {
            float maskP = usable ? b / (b + a) : 0.5f;
            pRe[i] = re[i] * maskP;
            pIm[i] = im[i] * maskP;
        }
    }
}

}  // namespace

MOODIFY_CLONES
void moodify_soft_masks(const float *h, const float *p, const float *re, const float *im, ptrdiff_t count,
                        float power, float *hRe, float *hIm, float *pRe, float *pIm) {
    const bool squared = power == 2, both = pRe != nullptr;
    if (squared && both) softMasks<true, true>(h, p, re, im, count, power, hRe, hIm, pRe, pIm);
    else if (squared) softMasks<true, false>(h, p, re, im, count, power, hRe, hIm, pRe, pIm);
    else if (both) softMasks<false, true>(h, p, re, im, count, power, hRe, hIm, pRe, pIm);
    else softMasks<false, false>(h, p, re, im, count, power, hRe, hIm, pRe, pIm);
}
