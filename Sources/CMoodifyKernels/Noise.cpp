// The Box–Muller transform of MoodifyDSP's addNoise, vectorised for AVX-512, AVX2 and baseline x86-64 (see Clones.h).
#include "MoodifyKernels.h"
#include "Clones.h"
#include "FastMath.h"

MOODIFY_CLONES
void moodify_box_muller(double *radii, double *angles, double *sines, ptrdiff_t pairs, double amount) {
    const double twoPi = 2 * 3.141592653589793;
    for (ptrdiff_t p = 0; p < pairs; p++) {
        // 1 − u in (0, 1] keeps the logarithm finite.
        radii[p] = amount * __builtin_elementwise_sqrt(-2 * moodify::log(1 - radii[p]));
        double s, c;
        moodify::sinCos(twoPi * angles[p], s, c);
        angles[p] = c;
        sines[p] = s;
    }
}
