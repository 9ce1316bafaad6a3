// Layer normalization (no learned parameters) + ReLU over a chunk, and its derivative.
// Statistics are per example (per column) over all rows, summed in ascending row order;
// a pass down the rows carries 32 columns (four vectors of independent sums).
#ifndef NS_LAYER_NORM_H
#define NS_LAYER_NORM_H

#include "Vectors.h"

/// Writes normalized, rectified and 1/sqrt(var + eps) for the eight columns at `offset`.
NS_INLINE void ns_layer_norm_write(const float *z, ptrdiff_t rows, ptrdiff_t offset, ns_f8 mean, ns_f8 squares,
                                   ns_f8 scale, ns_f8 epsilon, float *normalized, float *rectified,
                                   float *inverse_deviation) {
    ns_f8 inverse = 1.0f / __builtin_elementwise_sqrt(squares * scale + epsilon);
    ns_store(inverse, inverse_deviation + offset);
    for (ptrdiff_t r = 0; r < rows; r++) {
        ns_f8 n = (ns_load(z + r * NS_CHUNK + offset) - mean) * inverse;
        ns_store(n, normalized + r * NS_CHUNK + offset);
        ns_store(ns_zero_where(n, n < 0), rectified + r * NS_CHUNK + offset);
    }
}

NS_INLINE void ns_layer_norm_forward_body(const float *z, ptrdiff_t rows, float epsilon, float *normalized,
                                          float *rectified, float *inverse_deviation) {
    ns_f8 scale = ns_splat(1.0f / (float)rows), eps = ns_splat(epsilon);
    for (ptrdiff_t column = 0; column < NS_CHUNK; column += 32) {
        const float *zc = z + column;
        ns_f8 s0 = ns_splat(0), s1 = s0, s2 = s0, s3 = s0;
        for (ptrdiff_t r = 0; r < rows; r++) {
            const float *row = zc + r * NS_CHUNK;
            s0 += ns_load(row); s1 += ns_load(row + 8); s2 += ns_load(row + 16); s3 += ns_load(row + 24);
        }
        ns_f8 m0 = s0 * scale, m1 = s1 * scale, m2 = s2 * scale, m3 = s3 * scale;
        ns_f8 q0 = ns_splat(0), q1 = q0, q2 = q0, q3 = q0;
        for (ptrdiff_t r = 0; r < rows; r++) {
            const float *row = zc + r * NS_CHUNK;
            ns_f8 d0 = ns_load(row) - m0, d1 = ns_load(row + 8) - m1, d2 = ns_load(row + 16) - m2;
            ns_f8 d3 = ns_load(row + 24) - m3;
            q0 = ns_fma(d0, d0, q0); q1 = ns_fma(d1, d1, q1);
            q2 = ns_fma(d2, d2, q2); q3 = ns_fma(d3, d3, q3);
        }
        ns_layer_norm_write(z, rows, column, m0, q0, scale, eps, normalized, rectified, inverse_deviation);
        ns_layer_norm_write(z, rows, column + 8, m1, q1, scale, eps, normalized, rectified, inverse_deviation);
        ns_layer_norm_write(z, rows, column + 16, m2, q2, scale, eps, normalized, rectified, inverse_deviation);
        ns_layer_norm_write(z, rows, column + 24, m3, q3, scale, eps, normalized, rectified, inverse_deviation);
    }
}

/// d at `offset`, with +0 where n ≤ 0 when `mask_input`.
NS_INLINE ns_f8 ns_masked_d(const float *d, ns_f8 n, ptrdiff_t offset, int mask_input) {
    ns_f8 value = ns_load(d + offset);
    return mask_input ? ns_zero_where(value, n <= 0) : value;
}

/// out = invσ · (d − mean(d) − n · mean(d⊙n)) for the eight columns at `offset`.
NS_INLINE void ns_layer_norm_finish(const float *d, ptrdiff_t rows, const float *n, const float *inverse_deviation,
                                    int mask_input, int mask_output, ptrdiff_t offset, ns_f8 sum_d, ns_f8 sum_dn,
                                    ns_f8 scale, float *out) {
    ns_f8 mean_d = sum_d * scale, mean_dn = sum_dn * scale, inverse = ns_load(inverse_deviation + offset);
    for (ptrdiff_t r = 0; r < rows; r++) {
        ns_f8 nr = ns_load(n + r * NS_CHUNK + offset);
        ns_f8 dr = ns_masked_d(d, nr, r * NS_CHUNK + offset, mask_input);
        ns_f8 result = (dr - mean_d - nr * mean_dn) * inverse;
        if (mask_output) result = ns_zero_where(result, nr <= 0);
        ns_store(result, out + r * NS_CHUNK + offset);
    }
}

NS_INLINE void ns_layer_norm_derivative_body(const float *d, ptrdiff_t rows, const float *n,
                                             const float *inverse_deviation, int mask_input, int mask_output,
                                             float *out) {
    ns_f8 scale = ns_splat(1.0f / (float)rows);
    for (ptrdiff_t column = 0; column < NS_CHUNK; column += 16) {
        ns_f8 a0 = ns_splat(0), a1 = a0, p0 = a0, p1 = a0;
        for (ptrdiff_t r = 0; r < rows; r++) {
            ptrdiff_t offset = r * NS_CHUNK + column;
            ns_f8 xn = ns_load(n + offset), yn = ns_load(n + offset + 8);
            ns_f8 xd = ns_masked_d(d, xn, offset, mask_input), yd = ns_masked_d(d, yn, offset + 8, mask_input);
            a0 += xd; p0 = ns_fma(xd, xn, p0);
            a1 += yd; p1 = ns_fma(yd, yn, p1);
        }
        ns_layer_norm_finish(d, rows, n, inverse_deviation, mask_input, mask_output, column, a0, p0, scale, out);
        ns_layer_norm_finish(d, rows, n, inverse_deviation, mask_input, mask_output, column + 8, a1, p1, scale, out);
    }
}

#endif
