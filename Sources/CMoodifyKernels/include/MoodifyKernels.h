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

#ifdef __cplusplus
}
#endif

#endif
