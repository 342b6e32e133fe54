// MoodifyDSP's sliding median, in C++ so that it can be compiled for AVX-512 and AVX2 as well as baseline x86-64
// and chosen at load time (the Swift targets are built for baseline x86-64). min/max are exact, so every variant
// gives the same bits.
#include "MoodifyKernels.h"
#include "Clones.h"

#include <cstring>
#include <vector>

namespace {

/// 16 floats: one AVX-512 register, two AVX2 ones, four SSE ones.
typedef float Lanes __attribute__((vector_size(64)));
constexpr ptrdiff_t laneCount = 16;

__attribute__((always_inline)) inline Lanes load(const float *p) {
    Lanes v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

__attribute__((always_inline)) inline void store(float *p, Lanes v) { std::memcpy(p, &v, sizeof v); }

/// Medians of 16 lines at once. The sorted window of each line lives in `sorted` (width vectors, L1-resident);
/// a step removes the value leaving each window and inserts the one entering it with branch-free minimums and
/// maximums, one load and one store per rank.
__attribute__((always_inline)) inline void medianLanes(const float *input, float *output, ptrdiff_t stride, ptrdiff_t length, ptrdiff_t width,
                        const ptrdiff_t *index, Lanes *sorted) {
    const ptrdiff_t radius = width / 2;
    const Lanes lowest = Lanes{} - __builtin_inff();
    // First window: insertion into a growing sorted run, s'[j] = max(min(s[j], x), s[j − 1]).
    for (ptrdiff_t k = 0; k < width; k++) {
        Lanes x = load(input + index[k] * stride), previous = lowest;
        for (ptrdiff_t j = 0; j < k; j++) {
            Lanes current = sorted[j];
            Lanes low = current < x ? current : x;
            sorted[j] = low > previous ? low : previous;
            previous = current;
        }
        sorted[k] = x > previous ? x : previous;
    }
    store(output, sorted[radius]);
    // Each step: a[j] = s[j] where s[j] < leaving, else s[j + 1] (one copy of `leaving` goes), then `entering`
    // is inserted: s'[j] = max(min(a[j], entering), a[j − 1]).
    for (ptrdiff_t i = 1; i < length; i++) {
        Lanes leaving = load(input + index[i - 1] * stride), entering = load(input + index[i - 1 + width] * stride);
        Lanes previous = lowest, current = sorted[0];
        for (ptrdiff_t j = 0; j < width - 1; j++) {
            Lanes following = sorted[j + 1];
            Lanes a = current < leaving ? current : following;
            Lanes low = a < entering ? a : entering;
            sorted[j] = low > previous ? low : previous;
            previous = a;
            current = following;
        }
        sorted[width - 1] = entering > previous ? entering : previous;
        store(output + i * stride, sorted[radius]);
    }
}

}  // namespace

MOODIFY_CLONES
void moodify_median_lines(const float *input, float *output, ptrdiff_t lines, ptrdiff_t stride, ptrdiff_t length,
                          ptrdiff_t width, const ptrdiff_t *index) {
    std::vector<Lanes> sorted(static_cast<size_t>(width));
    ptrdiff_t first = 0;
    for (; first + laneCount <= lines; first += laneCount)
        medianLanes(input + first, output + first, stride, length, width, index, sorted.data());
    const ptrdiff_t rest = lines - first;
    if (rest == 0) return;
    // The last lines, fewer than 16, go through a padded copy (stride 16).
    const ptrdiff_t rows = length;
    std::vector<float> in(static_cast<size_t>(rows * laneCount), 0.0f), out(static_cast<size_t>(rows * laneCount));
    for (ptrdiff_t r = 0; r < rows; r++) std::memcpy(&in[r * laneCount], input + r * stride + first, rest * sizeof(float));
    medianLanes(in.data(), out.data(), laneCount, length, width, index, sorted.data());
    for (ptrdiff_t r = 0; r < rows; r++) std::memcpy(output + r * stride + first, &out[r * laneCount], rest * sizeof(float));
}
