// Eight-float and sixteen-int16 vectors for the kernel bodies, and the rules every body
// follows so that the plain and the AVX2 + FMA compilations agree bit for bit: no
// contraction of a·b + c into a fused multiply-add (only `ns_fma` fuses), sums in the
// order written, a vector's lanes summed first to last from −0.
#ifndef NS_VECTORS_H
#define NS_VECTORS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// The plain compilation passes no vector in a register across a call: every helper is inlined.
#pragma clang diagnostic ignored "-Wpsabi"

/// Examples per chunk: a chunk row is 64 floats, eight vectors.
#define NS_CHUNK 64
#define NS_INLINE static inline __attribute__((always_inline))

typedef float ns_f8 __attribute__((ext_vector_type(8)));
typedef int32_t ns_i32x8 __attribute__((ext_vector_type(8)));
typedef uint16_t ns_u16x16 __attribute__((ext_vector_type(16)));
typedef int16_t ns_i16x8 __attribute__((ext_vector_type(8)));
typedef uint32_t ns_u32x8 __attribute__((ext_vector_type(8)));

NS_INLINE ns_f8 ns_load(const float *p) { ns_f8 v; memcpy(&v, p, sizeof v); return v; }
NS_INLINE void ns_store(ns_f8 v, float *p) { memcpy(p, &v, sizeof v); }
NS_INLINE ns_f8 ns_splat(float x) { return (ns_f8)x; }
/// a · b + c, rounded once.
NS_INLINE ns_f8 ns_fma(ns_f8 a, ns_f8 b, ns_f8 c) { return __builtin_elementwise_fma(a, b, c); }
/// The lanes summed first to last, starting from −0.
NS_INLINE float ns_sum(ns_f8 v) {
    float sum = -0.0f;
    for (int lane = 0; lane < 8; lane++) sum += v[lane];
    return sum;
}
/// `v` with +0 in the lanes where `mask` is set (all ones).
NS_INLINE ns_f8 ns_zero_where(ns_f8 v, ns_i32x8 mask) { return (ns_f8)((ns_i32x8)v & ~mask); }
NS_INLINE ptrdiff_t ns_min(ptrdiff_t a, ptrdiff_t b) { return a < b ? a : b; }

/// One step of a six-row × 16-column tile: lo[i] += w[i] · x and hi[i] += w[i] · y, each
/// weight broadcast once. Every accumulator takes its terms in the order of the steps.
NS_INLINE void ns_tile6_fma(ns_f8 lo[6], ns_f8 hi[6], const float w[6], ns_f8 x, ns_f8 y) {
    for (int i = 0; i < 6; i++) {
        ns_f8 s = ns_splat(w[i]);
        lo[i] = ns_fma(s, x, lo[i]);
        hi[i] = ns_fma(s, y, hi[i]);
    }
}

/// One step of a four-row × two-column tile: lo[i] += e[i] · x and hi[i] += e[i] · y.
NS_INLINE void ns_tile4_fma(ns_f8 lo[4], ns_f8 hi[4], const ns_f8 e[4], ns_f8 x, ns_f8 y) {
    for (int i = 0; i < 4; i++) {
        lo[i] = ns_fma(e[i], x, lo[i]);
        hi[i] = ns_fma(e[i], y, hi[i]);
    }
}

NS_INLINE ns_u16x16 ns_load16(const int16_t *p) { ns_u16x16 v; memcpy(&v, p, sizeof v); return v; }

#endif
