// The other directions of a convolution (shapes as in Conv.h): the deltas pushed back to
// the input, the gradient read at single weights (noise_step's reverse alignment), the
// whole batch's weight gradient (the Adam baseline), and a weight's tangent term
// (forward-mode alignment).
#ifndef NS_CONV_BACKWARD_H
#define NS_CONV_BACKWARD_H

#include "Conv.h"

NS_INLINE ptrdiff_t ns_max(ptrdiff_t a, ptrdiff_t b) { return a > b ? a : b; }

/// The output rows (ky range) or columns (kx range) whose windows hold input row or
/// column `at`: ky from max(0, at − outs + 1) through min(kernel − 1, at).
NS_INLINE void ns_conv_reach(ptrdiff_t at, ptrdiff_t outs, ptrdiff_t kernel, ptrdiff_t *first, ptrdiff_t *last) {
    *first = ns_max(0, at - outs + 1);
    *last = ns_min(kernel - 1, at);
}

/// Six input channels × 16 columns at input position (y, x): Σ over the taps (ky, kx)
/// that reach it, in order, then the output channels o in order, of
/// Wᵀ[c, ky, kx, o] · δ[o, y − ky, x − kx]. `wt` is at the block's first channel,
/// `delta` at the block's first column.
NS_INLINE void ns_conv_back_six(const float *wt, const float *delta, ns_conv_shape s, ptrdiff_t y, ptrdiff_t x,
                                float *out) {
    ptrdiff_t ky0, ky1, kx0, kx1, row = s.kernel * s.kernel * s.outputs;
    ns_conv_reach(y, s.out_height, s.kernel, &ky0, &ky1);
    ns_conv_reach(x, s.out_width, s.kernel, &kx0, &kx1);
    ns_f8 first[6], second[6];
    for (int i = 0; i < 6; i++) first[i] = second[i] = ns_splat(0);
    for (ptrdiff_t ky = ky0; ky <= ky1; ky++) {
        for (ptrdiff_t kx = kx0; kx <= kx1; kx++) {
            const float *source = delta + ((y - ky) * s.out_width + x - kx) * NS_CHUNK;
            const float *w0 = wt + (ky * s.kernel + kx) * s.outputs, *w1 = w0 + row, *w2 = w0 + 2 * row;
            const float *w3 = w0 + 3 * row, *w4 = w0 + 4 * row, *w5 = w0 + 5 * row;
            for (ptrdiff_t o = 0; o < s.outputs; o++, source += s.out_plane) {
                const float taps[6] = {w0[o], w1[o], w2[o], w3[o], w4[o], w5[o]};
                ns_tile6_fma(first, second, taps, ns_load(source), ns_load(source + 8));
            }
        }
    }
    for (int i = 0; i < 6; i++) {
        ns_store(first[i], out + i * s.plane);
        ns_store(second[i], out + i * s.plane + 8);
    }
}

/// One input channel × 16 columns at input position (y, x), as `ns_conv_back_six`.
NS_INLINE void ns_conv_back_one(const float *wt, const float *delta, ns_conv_shape s, ptrdiff_t y, ptrdiff_t x,
                                float *out) {
    ptrdiff_t ky0, ky1, kx0, kx1;
    ns_conv_reach(y, s.out_height, s.kernel, &ky0, &ky1);
    ns_conv_reach(x, s.out_width, s.kernel, &kx0, &kx1);
    ns_f8 a = ns_splat(0), b = a;
    for (ptrdiff_t ky = ky0; ky <= ky1; ky++) {
        for (ptrdiff_t kx = kx0; kx <= kx1; kx++) {
            const float *source = delta + ((y - ky) * s.out_width + x - kx) * NS_CHUNK;
            const float *w = wt + (ky * s.kernel + kx) * s.outputs;
            for (ptrdiff_t o = 0; o < s.outputs; o++, source += s.out_plane) {
                a = ns_fma(ns_splat(w[o]), ns_load(source), a);
                b = ns_fma(ns_splat(w[o]), ns_load(source + 8), b);
            }
        }
    }
    ns_store(a, out);
    ns_store(b, out + 8);
}

/// in[c, y, x, :] = Σ_{ky, kx reaching (y, x)} Σ_o Wᵀ[c, ky, kx, o] · δ[o, y − ky, x − kx, :]
/// from 0, in that order; `transposed` is [channels, kernel, kernel, outputs].
NS_INLINE void ns_conv_backward_body(const float *transposed, const float *delta, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs,
                                     float *out) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    ptrdiff_t row = s.kernel * s.kernel * s.outputs;
    for (ptrdiff_t column = 0; column < NS_CHUNK; column += 16) {
        for (ptrdiff_t y = 0; y < s.height; y++) {
            for (ptrdiff_t x = 0; x < s.width; x++) {
                float *target = out + (y * s.width + x) * NS_CHUNK + column;
                if (s.channels < 6) {
                    for (ptrdiff_t c = 0; c < s.channels; c++)
                        ns_conv_back_one(transposed + c * row, delta + column, s, y, x, target + c * s.plane);
                    continue;
                }
                for (ptrdiff_t block = 0; block < s.channels; block += 6) {
                    ptrdiff_t c = ns_min(block, s.channels - 6);
                    ns_conv_back_six(transposed + c * row, delta + column, s, y, x, target + c * s.plane);
                }
            }
        }
    }
}

/// The eight accumulators of a 64-wide row, added first to last, then their lanes.
NS_INLINE float ns_sum_rows(const ns_f8 *acc) {
    ns_f8 total = acc[0];
    for (int v = 1; v < 8; v++) total += acc[v];
    return ns_sum(total);
}

/// Σ_{y, x, b} δ[y, x, b] · in[y, x, b] over the output positions: one weight's gradient.
/// `delta` is one output channel, [out_height, out_width, 64]; `input` is one input
/// channel at the tap's offset (ky · width + kx rows in), rows strided by width.
/// Accumulator v sums vector v of every position's row, positions in order.
NS_INLINE float ns_conv_tap_gradient_body(const float *delta, const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    ns_f8 acc[8];
    for (int v = 0; v < 8; v++) acc[v] = ns_splat(0);
    for (ptrdiff_t y = 0; y < s.out_height; y++) {
        const float *d = delta + y * s.out_width * NS_CHUNK, *a = input + y * s.line;
        for (ptrdiff_t x = 0; x < s.out_width; x++, d += NS_CHUNK, a += NS_CHUNK)
            for (int v = 0; v < 8; v++) acc[v] = ns_fma(ns_load(d + 8 * v), ns_load(a + 8 * v), acc[v]);
    }
    return ns_sum_rows(acc);
}

/// Σ_{y, x, b} δ[y, x, b]: one bias's gradient, summed as `ns_conv_tap_gradient_body`.
NS_INLINE float ns_conv_bias_gradient_body(const float *delta, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    ns_f8 acc[8];
    for (int v = 0; v < 8; v++) acc[v] = ns_splat(0);
    ptrdiff_t positions = s.out_height * s.out_width;
    for (ptrdiff_t p = 0; p < positions; p++)
        for (int v = 0; v < 8; v++) acc[v] += ns_load(delta + p * NS_CHUNK + 8 * v);
    return ns_sum_rows(acc);
}

/// Floats from an input position's first row to tap t's row: c · plane + ky · line + kx · 64.
NS_INLINE ptrdiff_t ns_conv_tap_offset(ns_conv_shape s, ptrdiff_t t) {
    ptrdiff_t kx = t % s.kernel, ky = t / s.kernel % s.kernel, c = t / (s.kernel * s.kernel);
    return c * s.plane + ky * s.line + kx * NS_CHUNK;
}

/// alignments[e.sample] += e.sign · ∂L/∂θ_e for each entry e of a convolution: weight
/// (output channel `row`, tap `column`) read by `ns_conv_tap_gradient_body`, divided by
/// `divisor` (the first layer's inputs are levels, its z = b + Σ w·level / divisor), or
/// the bias of `row` (`column` −1) by `ns_conv_bias_gradient_body`; entries in order.
NS_INLINE void ns_conv_read_gradients_body(const float *delta, const float *input, ptrdiff_t channels,
                                           ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs,
                                           float divisor, const ns_perturbation_entry *entries, ptrdiff_t count,
                                           double *alignments) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    for (ptrdiff_t i = 0; i < count; i++) {
        ns_perturbation_entry e = entries[i];
        const float *d = delta + (ptrdiff_t)e.row * s.out_plane;
        float gradient = e.column < 0
            ? ns_conv_bias_gradient_body(d, channels, height, width, kernel, outputs)
            : ns_conv_tap_gradient_body(d, input + ns_conv_tap_offset(s, e.column), channels, height, width, kernel,
                                        outputs) / divisor;
        alignments[e.sample] += (double)e.sign * (double)gradient;
    }
}

/// out[r, t] = Σ_chunks Σ_{y, x} Σ_b δ[first_row + r, y, x, b] · in[tap t of (y, x), b] for
/// rows r < row_count (1…4) and every tap t. Four rows × two taps at a time; lane k of an
/// accumulator sums examples b ≡ k (mod 8) over chunks, positions and the row's vectors in
/// that order, then the lanes are added. Missing rows repeat the last real one and a
/// missing second tap the first; their sums are dropped.
NS_INLINE void ns_conv_batch_weight_gradient_body(const float *deltas, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs,
                                                  ptrdiff_t first_row, ptrdiff_t row_count, const float *inputs,
                                                  ptrdiff_t chunks, float *out) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    ptrdiff_t last = first_row + row_count - 1;
    ptrdiff_t r0 = first_row, r1 = ns_min(r0 + 1, last), r2 = ns_min(r0 + 2, last), r3 = ns_min(r0 + 3, last);
    ptrdiff_t delta_stride = s.outputs * s.out_plane, input_stride = s.channels * s.plane;
    for (ptrdiff_t t = 0; t < s.taps; t += 2) {
        ptrdiff_t u = ns_min(t + 1, s.taps - 1), ot = ns_conv_tap_offset(s, t), ou = ns_conv_tap_offset(s, u);
        ns_f8 first[4], second[4];
        for (int i = 0; i < 4; i++) first[i] = second[i] = ns_splat(0);
        for (ptrdiff_t c = 0; c < chunks; c++) {
            for (ptrdiff_t y = 0; y < s.out_height; y++) {
                for (ptrdiff_t x = 0; x < s.out_width; x++) {
                    const float *d = deltas + c * delta_stride + (y * s.out_width + x) * NS_CHUNK;
                    const float *d0 = d + r0 * s.out_plane, *d1 = d + r1 * s.out_plane;
                    const float *d2 = d + r2 * s.out_plane, *d3 = d + r3 * s.out_plane;
                    const float *in = inputs + c * input_stride + (y * s.width + x) * NS_CHUNK;
                    for (int v = 0; v < NS_CHUNK; v += 8) {
                        const ns_f8 rows[4] = {ns_load(d0 + v), ns_load(d1 + v), ns_load(d2 + v), ns_load(d3 + v)};
                        ns_tile4_fma(first, second, rows, ns_load(in + ot + v), ns_load(in + ou + v));
                    }
                }
            }
        }
        for (ptrdiff_t r = 0; r < row_count && r < 4; r++) {
            out[r * s.taps + t] = ns_sum(first[r]);
            if (u != t) out[r * s.taps + u] = ns_sum(second[r]);
        }
    }
}

/// tangent[y, x, :] += scale · in[y, x, :] over the output positions: one weight's term
/// of a forward-mode tangent (`input` at the tap's offset, as `ns_conv_tap_gradient_body`).
NS_INLINE void ns_conv_add_tap_body(const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs, float scale,
                                    float *tangent) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    for (ptrdiff_t y = 0; y < s.out_height; y++)
        for (ptrdiff_t x = 0; x < s.out_width; x++)
            ns_add_scaled_body(input + y * s.line + x * NS_CHUNK, scale, tangent + (y * s.out_width + x) * NS_CHUNK);
}

#endif
