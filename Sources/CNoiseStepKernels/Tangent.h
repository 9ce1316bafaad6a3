// The inner loops of forward-mode alignment: a tangent held in K sparse rows, pushed
// through layer norm and the next layer as K + 2 row updates.
#ifndef NS_TANGENT_H
#define NS_TANGENT_H

#include "Dense.h"

NS_INLINE void ns_tangent_statistics_body(float *sparse, const ptrdiff_t *rows, ptrdiff_t row_count, ptrdiff_t width,
                                          const float *n, const float *inverse, float *mean_term, float *norm_term) {
    ns_f8 scale = ns_splat(1.0f / (float)width);
    for (int v = 0; v < 8; v++) {
        ns_f8 sum_d = ns_splat(0), sum_dn = sum_d;
        for (ptrdiff_t slot = 0; slot < row_count; slot++) {
            ns_f8 d = ns_load(sparse + slot * NS_CHUNK + 8 * v);
            sum_d += d;
            sum_dn = ns_fma(d, ns_load(n + rows[slot] * NS_CHUNK + 8 * v), sum_dn);
        }
        ns_f8 inv = ns_load(inverse + 8 * v);
        ns_store(sum_d * scale * inv, mean_term + 8 * v);
        ns_store(sum_dn * scale * inv, norm_term + 8 * v);
        for (ptrdiff_t slot = 0; slot < row_count; slot++) {
            ns_f8 d = ns_load(sparse + slot * NS_CHUNK + 8 * v), nv = ns_load(n + rows[slot] * NS_CHUNK + 8 * v);
            ns_store(ns_zero_where(d * inv, nv <= 0), sparse + slot * NS_CHUNK + 8 * v);
        }
    }
}

NS_INLINE void ns_low_rank_tangent_body(ptrdiff_t outputs, const float *mean_term, const float *norm_term,
                                        const float *mask_product, const float *z_next, const float *bias,
                                        const float *transposed, const float *sparse, const ptrdiff_t *rows,
                                        ptrdiff_t row_count, float *tangent) {
    for (ptrdiff_t o = 0; o < outputs; o++) {
        float *target = tangent + o * NS_CHUNK;
        ns_f8 b = ns_splat(bias[o]);
        for (int v = 0; v < 8; v++) {
            ns_f8 a = ns_load(mean_term + 8 * v), c = ns_load(norm_term + 8 * v);
            ns_f8 wh = ns_load(z_next + o * NS_CHUNK + 8 * v) - b;
            ns_store(-(a * ns_load(mask_product + o * NS_CHUNK + 8 * v)) - c * wh, target + 8 * v);
        }
        for (ptrdiff_t slot = 0; slot < row_count; slot++) {
            float w = transposed[rows[slot] * outputs + o];
            if (w != 0) ns_add_scaled_body(sparse + slot * NS_CHUNK, w, target);
        }
    }
}

#endif
