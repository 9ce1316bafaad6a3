// Pooling over non-overlapping size × size windows of a [channels, height, width] chunk
// (layout as in Conv.h): the output is [channels, height / size, width / size]; rows and
// columns past the last whole window are dropped, and their deltas are 0. A window's
// entries run in (dy, dx) order.
#ifndef NS_POOL_H
#define NS_POOL_H

#include "ConvBackward.h"

/// Lanes where a > b, else b: ties and unordered lanes keep b (the earlier entry).
NS_INLINE ns_f8 ns_greater_of(ns_f8 a, ns_f8 b) {
    ns_i32x8 take = a > b;
    return (ns_f8)(((ns_i32x8)a & take) | ((ns_i32x8)b & ~take));
}

/// Pooled rows: channels · (height / size) · (width / size).
NS_INLINE ptrdiff_t ns_pool_windows(ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t size) {
    return channels * (height / size) * (width / size);
}

/// The offset in floats of the first entry of window w, w = (c · height / size + y) ·
/// width / size + x (the window's pooled row).
NS_INLINE ptrdiff_t ns_pool_window(ptrdiff_t w, ptrdiff_t height, ptrdiff_t width, ptrdiff_t size) {
    ptrdiff_t across = width / size, down = height / size;
    ptrdiff_t x = w % across, y = w / across % down, c = w / (across * down);
    return ((c * height + y * size) * width + x * size) * NS_CHUNK;
}

/// out = the largest entry of each window (the first of equal ones).
NS_INLINE void ns_max_pool_body(const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width,
                                ptrdiff_t size, float *out) {
    for (ptrdiff_t w = 0; w < ns_pool_windows(channels, height, width, size); w++) {
        const float *window = input + ns_pool_window(w, height, width, size);
        for (int v = 0; v < NS_CHUNK; v += 8) {
            ns_f8 m = ns_load(window + v);
            for (ptrdiff_t dy = 0; dy < size; dy++)
                for (ptrdiff_t dx = 0; dx < size; dx++)
                    m = ns_greater_of(ns_load(window + (dy * width + dx) * NS_CHUNK + v), m);
            ns_store(m, out + w * NS_CHUNK + v);
        }
    }
}

/// Zeroes the input rows no window covers: rows y ≥ height − height % size, columns alike.
NS_INLINE void ns_pool_clear_uncovered(ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t size,
                                       float *delta_in) {
    ptrdiff_t covered_h = height / size * size, covered_w = width / size * size;
    for (ptrdiff_t c = 0; c < channels; c++)
        for (ptrdiff_t y = 0; y < height; y++)
            for (ptrdiff_t x = 0; x < width; x++)
                if (y >= covered_h || x >= covered_w)
                    memset(delta_in + ((c * height + y) * width + x) * NS_CHUNK, 0, sizeof(float) * NS_CHUNK);
}

/// Routes each pooled value's delta (backward) or tangent (forward) through the first
/// entry of its window that equals the pooled maximum. Backward (`to_input` 1): every
/// entry of `along_input` gets its share (the delta or 0). Forward (0): each row of
/// `along_pooled` gets its window's routed entry of `along_input`.
NS_INLINE void ns_max_pool_route_body(const float *input, const float *pooled_values, ptrdiff_t channels,
                                      ptrdiff_t height, ptrdiff_t width, ptrdiff_t size, int to_input,
                                      float *along_input, float *along_pooled) {
    for (ptrdiff_t w = 0; w < ns_pool_windows(channels, height, width, size); w++) {
        ptrdiff_t window = ns_pool_window(w, height, width, size);
        for (int v = 0; v < NS_CHUNK; v += 8) {
            ptrdiff_t pooled = w * NS_CHUNK + v;
            ns_f8 m = ns_load(pooled_values + pooled), routed = ns_splat(0);
            ns_f8 d = to_input ? ns_load(along_pooled + pooled) : routed;
            ns_i32x8 taken = (ns_i32x8)0;
            for (ptrdiff_t dy = 0; dy < size; dy++)
                for (ptrdiff_t dx = 0; dx < size; dx++) {
                    ptrdiff_t at = window + (dy * width + dx) * NS_CHUNK + v;
                    ns_i32x8 hit = (ns_load(input + at) == m) & ~taken;
                    taken |= hit;
                    if (to_input) ns_store(ns_zero_where(d, ~hit), along_input + at);
                    else routed = (ns_f8)(((ns_i32x8)ns_load(along_input + at) & hit) | ((ns_i32x8)routed & ~hit));
                }
            if (!to_input) ns_store(routed, along_pooled + pooled);
        }
    }
    if (to_input) ns_pool_clear_uncovered(channels, height, width, size, along_input);
}

/// out = (the window's entries summed in order) · (1 / size²).
NS_INLINE void ns_average_pool_body(const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width,
                                    ptrdiff_t size, float *out) {
    ns_f8 scale = ns_splat(1.0f / (float)(size * size));
    for (ptrdiff_t w = 0; w < ns_pool_windows(channels, height, width, size); w++) {
        const float *window = input + ns_pool_window(w, height, width, size);
        for (int v = 0; v < NS_CHUNK; v += 8) {
            ns_f8 sum = ns_splat(0);
            for (ptrdiff_t dy = 0; dy < size; dy++)
                for (ptrdiff_t dx = 0; dx < size; dx++) sum += ns_load(window + (dy * width + dx) * NS_CHUNK + v);
            ns_store(sum * scale, out + w * NS_CHUNK + v);
        }
    }
}

/// delta_in = each window's pooled delta · (1 / size²) on every entry of the window.
NS_INLINE void ns_average_pool_backward_body(const float *delta_out, ptrdiff_t channels, ptrdiff_t height,
                                             ptrdiff_t width, ptrdiff_t size, float *delta_in) {
    ns_f8 scale = ns_splat(1.0f / (float)(size * size));
    for (ptrdiff_t w = 0; w < ns_pool_windows(channels, height, width, size); w++) {
        float *window = delta_in + ns_pool_window(w, height, width, size);
        for (int v = 0; v < NS_CHUNK; v += 8) {
            ns_f8 d = ns_load(delta_out + w * NS_CHUNK + v) * scale;
            for (ptrdiff_t dy = 0; dy < size; dy++)
                for (ptrdiff_t dx = 0; dx < size; dx++) ns_store(d, window + (dy * width + dx) * NS_CHUNK + v);
        }
    }
    ns_pool_clear_uncovered(channels, height, width, size, delta_in);
}

#endif
