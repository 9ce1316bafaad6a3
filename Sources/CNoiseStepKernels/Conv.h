// Convolutions over feature-major chunks. A [channels, height, width] activation of one
// chunk is [channels · height · width, 64]: row (c · height + y) · width + x holds the 64
// examples of feature (c, y, x). Stride 1, no padding: an output is
// (height − kernel + 1) × (width − kernel + 1). Weights are [outputs, channels, kernel,
// kernel] row-major, so the taps of an output run in (c, ky, kx) order.
//
// Every sum runs in a fixed order, one fused multiply-add per term, so the blocked loops
// equal a plain loop bit for bit. With integer inputs (pixel levels 0…255) and ternary
// weights every product and partial sum is an integer below 2^24, so the sums are exact
// in Float whatever the order: the first layer is computed in exact integers.
#ifndef NS_CONV_H
#define NS_CONV_H

#include "Dense.h"

/// The sizes of one convolution, in floats where they are strides.
typedef struct {
    ptrdiff_t channels, height, width, kernel, outputs;
    ptrdiff_t out_height, out_width;
    /// Taps per output channel: channels · kernel².
    ptrdiff_t taps;
    /// Floats of one input channel (height · width · 64), one input row of the image
    /// (width · 64), one output channel (out_height · out_width · 64).
    ptrdiff_t plane, line, out_plane;
} ns_conv_shape;

NS_INLINE ns_conv_shape ns_conv_shape_make(ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel,
                                           ptrdiff_t outputs) {
    ns_conv_shape s;
    s.channels = channels; s.height = height; s.width = width; s.kernel = kernel; s.outputs = outputs;
    s.out_height = height - kernel + 1; s.out_width = width - kernel + 1;
    s.taps = channels * kernel * kernel;
    s.plane = height * width * NS_CHUNK; s.line = width * NS_CHUNK;
    s.out_plane = s.out_height * s.out_width * NS_CHUNK;
    return s;
}

/// bias + sum / divisor, bias 0 when absent; a divisor of 1 (every layer but the first)
/// skips the division, whose result would be the sum itself.
NS_INLINE ns_f8 ns_conv_finish(ns_f8 sum, const float *bias, ptrdiff_t o, float divisor) {
    return ns_splat(bias ? bias[o] : 0.0f) + (divisor == 1.0f ? sum : sum / ns_splat(divisor));
}

/// Six output channels × 16 columns at one output position: twelve accumulators, two
/// input loads and six weight broadcasts per twelve fused multiply-adds, taps in order.
/// `window` is the input at the position's top-left tap and the block's first column.
NS_INLINE void ns_conv_six(const float *w, const float *window, ns_conv_shape s, const float *bias,
                           float divisor, float *out) {
    ns_f8 first[6], second[6];
    for (int i = 0; i < 6; i++) first[i] = second[i] = ns_splat(0);
    const float *w1 = w + s.taps, *w2 = w + 2 * s.taps, *w3 = w + 3 * s.taps, *w4 = w + 4 * s.taps;
    const float *w5 = w + 5 * s.taps;
    ptrdiff_t k = 0;
    for (ptrdiff_t c = 0; c < s.channels; c++) {
        for (ptrdiff_t ky = 0; ky < s.kernel; ky++) {
            const float *source = window + c * s.plane + ky * s.line;
            for (ptrdiff_t kx = 0; kx < s.kernel; kx++, k++, source += NS_CHUNK) {
                const float taps[6] = {w[k], w1[k], w2[k], w3[k], w4[k], w5[k]};
                ns_tile6_fma(first, second, taps, ns_load(source), ns_load(source + 8));
            }
        }
    }
    for (int i = 0; i < 6; i++) {
        ns_store(ns_conv_finish(first[i], bias, i, divisor), out + i * s.out_plane);
        ns_store(ns_conv_finish(second[i], bias, i, divisor), out + i * s.out_plane + 8);
    }
}

/// One output channel × 16 columns at one output position.
NS_INLINE void ns_conv_one(const float *w, const float *window, ns_conv_shape s, const float *bias,
                           float divisor, float *out) {
    ns_f8 a = ns_splat(0), b = a;
    ptrdiff_t k = 0;
    for (ptrdiff_t c = 0; c < s.channels; c++) {
        for (ptrdiff_t ky = 0; ky < s.kernel; ky++) {
            const float *source = window + c * s.plane + ky * s.line;
            for (ptrdiff_t kx = 0; kx < s.kernel; kx++, k++, source += NS_CHUNK) {
                ns_f8 weight = ns_splat(w[k]);
                a = ns_fma(weight, ns_load(source), a);
                b = ns_fma(weight, ns_load(source + 8), b);
            }
        }
    }
    ns_store(ns_conv_finish(a, bias, 0, divisor), out);
    ns_store(ns_conv_finish(b, bias, 0, divisor), out + 8);
}

/// out[o, y, x, :] = bias[o] + (Σ_{c, ky, kx} W[o, c, ky, kx] · in[c, y + ky, x + kx, :]) / divisor,
/// the sum from 0 in tap order. Output channels go in blocks of six (the last block
/// overlapping the one before it), fewer than six one at a time.
NS_INLINE void ns_conv_forward_body(const float *weights, const float *bias, const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs,
                                    float divisor, float *out) {
    ns_conv_shape s = ns_conv_shape_make(channels, height, width, kernel, outputs);
    for (ptrdiff_t column = 0; column < NS_CHUNK; column += 16) {
        for (ptrdiff_t y = 0; y < s.out_height; y++) {
            for (ptrdiff_t x = 0; x < s.out_width; x++) {
                const float *window = input + (y * s.width + x) * NS_CHUNK + column;
                float *target = out + (y * s.out_width + x) * NS_CHUNK + column;
                if (s.outputs < 6) {
                    for (ptrdiff_t o = 0; o < s.outputs; o++)
                        ns_conv_one(weights + o * s.taps, window, s, bias ? bias + o : NULL, divisor, target + o * s.out_plane);
                    continue;
                }
                for (ptrdiff_t block = 0; block < s.outputs; block += 6) {
                    ptrdiff_t o = ns_min(block, s.outputs - 6);
                    ns_conv_six(weights + o * s.taps, window, s, bias ? bias + o : NULL, divisor, target + o * s.out_plane);
                }
            }
        }
    }
}

#endif
