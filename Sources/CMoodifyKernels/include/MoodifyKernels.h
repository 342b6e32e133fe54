#ifndef MOODIFY_KERNELS_H
#define MOODIFY_KERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Sliding medians of odd `width` along `lines` interleaved lines (value i of line l at input[i * stride + l]), with
/// the edges given by `index` (the row holding position k of the extended line, for k < length + width − 1);
/// writes output[i * stride + l].
void moodify_median_lines(const float *input, float *output, ptrdiff_t lines, ptrdiff_t stride, ptrdiff_t length,
                          ptrdiff_t width, const ptrdiff_t *index);

/// librosa's soft masks (margin 1) applied to `count` complex values: with z = max(h, p),
/// mask_H = (h/z)^power / ((h/z)^power + (p/z)^power) and mask_P = (p/z)^power / ((p/z)^power + (h/z)^power), ½ each
/// where z is below the smallest normal float; writes re·mask_H and im·mask_H to hRe, hIm and, unless pRe is
/// NULL, re·mask_P and im·mask_P to pRe, pIm.
void moodify_soft_masks(const float *h, const float *p, const float *re, const float *im, ptrdiff_t count,
                        float power, float *hRe, float *hIm, float *pRe, float *pIm);

/// The phase vocoder's phase increment of each bin between two input frames: advance + (Δangle − advance wrapped to
/// [−π, π], ties to even), in float64 as librosa's phi_advance + dphase.
void moodify_phase_increment(const float *angle0, const float *angle1, const double *advance, ptrdiff_t bins,
                             double *increment);

/// One phase-vocoder output frame: magnitudes interpolated (1 − alpha)·m0 + alpha·m1 in float64, times
/// (cos, sin) of the float32 running `phase`, which then advances by `increment` (added in float64, kept float32).
void moodify_phase_vocoder_frame(const float *magnitude0, const float *magnitude1, double alpha, float *phase,
                                 const double *increment, ptrdiff_t bins, float *outRe, float *outIm);

/// |x| and angle(x) (float32 atan2, bit for bit as glibc 2.36's atan2f) of `count` complex values.
void moodify_polar(const float *re, const float *im, ptrdiff_t count, float *magnitude, float *angle);

/// Box–Muller on `pairs` pairs of uniforms in [0, 1): radii[p] = amount·√(−2·log(1 − radii[p])), then
/// angles[p] = cos(2π·angles[p]) and sines[p] = sin(2π·angles[p]) (float64).
void moodify_box_muller(double *radii, double *angles, double *sines, ptrdiff_t pairs, double amount);

/// Spectral contrast's band statistics for every frame of a bin-major magnitude matrix (value of bin b, frame t at
/// values[b * frames + t]): the mean of the `count` smallest (valley) and of the `count` largest (peak) values of
/// bins lo..<hi, each summed in float32 in ascending order (as librosa's mean of the sorted band's ends).
void moodify_band_extremes(const float *values, ptrdiff_t frames, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t count,
                           float *valley, float *peak);

#ifdef __cplusplus
}
#endif

#endif
