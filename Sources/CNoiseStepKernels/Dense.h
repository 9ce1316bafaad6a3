// Dense products over chunks: W·x for a layer, the gradient entries noise_step reads, the
// whole-batch weight gradient of the Adam baseline, and the machine's FMA peak.
#ifndef NS_DENSE_H
#define NS_DENSE_H

#include "CNoiseStepKernels.h"
#include "Vectors.h"

/// Six rows × 16 columns: twelve accumulators, two input loads and six weight broadcasts
/// per twelve fused multiply-adds, in ascending k.
NS_INLINE void ns_multiply_six_rows(const float *w, ptrdiff_t inner, const float *input, const float *bias,
                                    float *out) {
    ns_f8 lo[6], hi[6];
    for (int i = 0; i < 6; i++) lo[i] = hi[i] = ns_splat(bias ? bias[i] : 0);
    const float *source = input;
    for (ptrdiff_t k = 0; k < inner; k++) {
        const float taps[6] = {w[k], w[inner + k], w[2 * inner + k], w[3 * inner + k], w[4 * inner + k], w[5 * inner + k]};
        ns_tile6_fma(lo, hi, taps, ns_load(source), ns_load(source + 8));
        source += NS_CHUNK;
    }
    for (int i = 0; i < 6; i++) {
        ns_store(lo[i], out + i * NS_CHUNK);
        ns_store(hi[i], out + i * NS_CHUNK + 8);
    }
}

/// One row × 16 columns.
NS_INLINE void ns_multiply_one_row(const float *w, ptrdiff_t inner, const float *input, float bias, float *out) {
    ns_f8 a = ns_splat(bias), b = a;
    const float *source = input;
    for (ptrdiff_t k = 0; k < inner; k++) {
        ns_f8 s = ns_splat(w[k]);
        a = ns_fma(s, ns_load(source), a);
        b = ns_fma(s, ns_load(source + 8), b);
        source += NS_CHUNK;
    }
    ns_store(a, out);
    ns_store(b, out + 8);
}

/// out[r, :] = Σ_k matrix[r, k] · input[k, :] + bias[r]; rows in blocks of six (the last
/// block overlapping the one before it), fewer than six one at a time.
NS_INLINE void ns_multiply_body(const float *matrix, ptrdiff_t rows, ptrdiff_t inner, const float *input,
                                const float *bias, float *out) {
    for (ptrdiff_t column = 0; column < NS_CHUNK; column += 16) {
        const float *source = input + column;
        float *target = out + column;
        if (rows < 6) {
            for (ptrdiff_t row = 0; row < rows; row++)
                ns_multiply_one_row(matrix + row * inner, inner, source, bias ? bias[row] : 0, target + row * NS_CHUNK);
            continue;
        }
        for (ptrdiff_t block = 0; block < rows; block += 6) {
            ptrdiff_t row = ns_min(block, rows - 6);
            ns_multiply_six_rows(matrix + row * inner, inner, source, bias ? bias + row : NULL, target + row * NS_CHUNK);
        }
    }
}

NS_INLINE float ns_dot_body(const float *x, const float *y) {
    ns_f8 sum = ns_splat(0);
    for (int v = 0; v < 8; v++) sum = ns_fma(ns_load(x + 8 * v), ns_load(y + 8 * v), sum);
    return ns_sum(sum);
}

NS_INLINE float ns_row_sum_body(const float *x) {
    ns_f8 sum = ns_splat(0);
    for (int v = 0; v < 8; v++) sum += ns_load(x + 8 * v);
    return ns_sum(sum);
}

NS_INLINE void ns_add_scaled_body(const float *source, float scale, float *row) {
    ns_f8 s = ns_splat(scale);
    for (int v = 0; v < 8; v++) ns_store(ns_fma(s, ns_load(source + 8 * v), ns_load(row + 8 * v)), row + 8 * v);
}

/// alignments[sample] += sign · ∂L/∂θ for each entry: the dot of the delta row with the
/// input row (a weight), or the delta row's sum (a bias).
NS_INLINE void ns_read_gradients_body(const float *deltas, const float *inputs, const ns_perturbation_entry *entries,
                                      ptrdiff_t count, double *alignments) {
    for (ptrdiff_t i = 0; i < count; i++) {
        ns_perturbation_entry entry = entries[i];
        const float *row = deltas + (ptrdiff_t)entry.row * NS_CHUNK;
        float gradient = entry.column < 0 ? ns_row_sum_body(row)
                                          : ns_dot_body(row, inputs + (ptrdiff_t)entry.column * NS_CHUNK);
        alignments[entry.sample] += (double)entry.sign * (double)gradient;
    }
}

/// Four rows × two inputs at a time; lane k of an accumulator sums the examples b ≡ k
/// (mod 8) over the chunks in order, then the lanes are added. Missing rows repeat the
/// last real one and a missing second input repeats the first; their sums are dropped.
NS_INLINE void ns_batch_weight_gradient_body(const float *deltas, ptrdiff_t outputs, ptrdiff_t first_row,
                                             ptrdiff_t row_count, const float *inputs, ptrdiff_t input_count,
                                             ptrdiff_t chunks, float *out) {
    ptrdiff_t last = first_row + row_count - 1;
    ptrdiff_t r0 = first_row, r1 = ns_min(r0 + 1, last), r2 = ns_min(r0 + 2, last), r3 = ns_min(r0 + 3, last);
    ptrdiff_t delta_stride = outputs * NS_CHUNK, input_stride = input_count * NS_CHUNK;
    for (ptrdiff_t j = 0; j < input_count; j += 2) {
        ptrdiff_t k = ns_min(j + 1, input_count - 1);
        ns_f8 first[4], second[4];
        for (int i = 0; i < 4; i++) first[i] = second[i] = ns_splat(0);
        for (ptrdiff_t c = 0; c < chunks; c++) {
            const float *d = deltas + c * delta_stride;
            const float *d0 = d + r0 * NS_CHUNK, *d1 = d + r1 * NS_CHUNK, *d2 = d + r2 * NS_CHUNK, *d3 = d + r3 * NS_CHUNK;
            const float *x = inputs + c * input_stride + j * NS_CHUNK, *y = inputs + c * input_stride + k * NS_CHUNK;
            for (int v = 0; v < NS_CHUNK; v += 8) {
                const ns_f8 rows[4] = {ns_load(d0 + v), ns_load(d1 + v), ns_load(d2 + v), ns_load(d3 + v)};
                ns_tile4_fma(first, second, rows, ns_load(x + v), ns_load(y + v));
            }
        }
        for (ptrdiff_t r = 0; r < row_count && r < 4; r++) {
            out[r * input_count + j] = ns_sum(first[r]);
            if (k != j) out[r * input_count + k] = ns_sum(second[r]);
        }
    }
}

/// `iterations` rounds of twelve independent fused multiply-adds, register to register.
NS_INLINE float ns_fma_peak_loop_body(ptrdiff_t iterations, float seed) {
    ns_f8 m = ns_splat(0.999999f), c = ns_splat(1e-6f);
    ns_f8 a0 = ns_splat(seed), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3, a4 = a0 + 4, a5 = a0 + 5;
    ns_f8 a6 = a0 + 6, a7 = a0 + 7, a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11;
    for (ptrdiff_t i = 0; i < iterations; i++) {
        a0 = ns_fma(a0, m, c); a1 = ns_fma(a1, m, c); a2 = ns_fma(a2, m, c);
        a3 = ns_fma(a3, m, c); a4 = ns_fma(a4, m, c); a5 = ns_fma(a5, m, c);
        a6 = ns_fma(a6, m, c); a7 = ns_fma(a7, m, c); a8 = ns_fma(a8, m, c);
        a9 = ns_fma(a9, m, c); a10 = ns_fma(a10, m, c); a11 = ns_fma(a11, m, c);
    }
    return ns_sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
}

#endif
