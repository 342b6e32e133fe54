// The phase vocoder's per-frame loops (MoodifyDSP's phaseVocoder), vectorised for AVX-512, AVX2 and baseline
// x86-64 (see Clones.h), with the operations of the Swift code they replace.
#include "MoodifyKernels.h"
#include "Clones.h"
#include "FastMath.h"

MOODIFY_CLONES
void moodify_phase_increment(const float *angle0, const float *angle1, const double *advance, ptrdiff_t bins,
                             double *increment) {
    const double twoPi = 2 * 3.141592653589793, inverseTwoPi = 1 / (2 * 3.141592653589793);
    for (ptrdiff_t b = 0; b < bins; b++) {
        double dphase = static_cast<double>(angle1[b] - angle0[b]) - advance[b];
        dphase -= twoPi * moodify::roundEven(dphase * inverseTwoPi);
        increment[b] = advance[b] + dphase;
    }
}

MOODIFY_CLONES
void moodify_phase_vocoder_frame(const float *magnitude0, const float *magnitude1, double alpha, float *phase,
                                 const double *increment, ptrdiff_t bins, float *outRe, float *outIm) {
    for (ptrdiff_t b = 0; b < bins; b++) {
        double magnitude = (1 - alpha) * static_cast<double>(magnitude0[b]) + alpha * static_cast<double>(magnitude1[b]);
        float s, c;
        moodify::sinCos(phase[b], s, c);
        outRe[b] = static_cast<float>(magnitude * static_cast<double>(c));
        outIm[b] = static_cast<float>(magnitude * static_cast<double>(s));
        phase[b] = static_cast<float>(static_cast<double>(phase[b]) + increment[b]);
    }
}
