// Builds a function for AVX-512, AVX2 and baseline x86-64, the variant chosen once at load time (Linux/x86-64 with
// clang; elsewhere the plain build). The files are compiled without floating-point contraction, so that every
// variant computes the same bits.
#ifndef MOODIFY_CLONES_H
#define MOODIFY_CLONES_H

#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
#define MOODIFY_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define MOODIFY_CLONES
#endif

#pragma clang fp contract(off)
// 16-float vectors are passed by value only between functions that are always inlined into one clone.
#pragma clang diagnostic ignored "-Wpsabi"

#endif
