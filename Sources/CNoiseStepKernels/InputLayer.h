// The first layer from the ink, in exact integer arithmetic: per example, Σ level ·
// weight over its inked inputs in 16-bit lanes (a block of at most 112 inputs of level
// ≤ 255 stays below 32,767), widened to 32 bits per block, divided once at the end.
#ifndef NS_INPUT_LAYER_H
#define NS_INPUT_LAYER_H

#include "Vectors.h"

/// Outputs one pass accumulates: four 16-lane registers.
#define NS_OUTPUTS_PER_STRIP 64
/// Inputs per block: four 28-pixel image rows.
#define NS_INPUTS_PER_BLOCK 112

/// sums[0..<16] += lanes, each read as a signed 16-bit value and widened.
NS_INLINE void ns_widen(ns_u16x16 lanes, int32_t *sums) {
    ns_i16x8 low = (ns_i16x8)lanes.lo, high = (ns_i16x8)lanes.hi;
    ns_u32x8 first, second;
    memcpy(&first, sums, sizeof first);
    memcpy(&second, sums + 8, sizeof second);
    first += (ns_u32x8)__builtin_convertvector(low, ns_i32x8);
    second += (ns_u32x8)__builtin_convertvector(high, ns_i32x8);
    memcpy(sums, &first, sizeof first);
    memcpy(sums + 8, &second, sizeof second);
}

/// sums[0..<64] += Σ level · strip[input, 0..<64] over the ink entries from `first` whose
/// input is below `end`; returns the first entry not consumed. With `unit`, every level
/// is 1 (binary input) and the product is the weight.
NS_INLINE ptrdiff_t ns_accumulate_block(const int16_t *strip, const int16_t *levels, const int32_t *ink,
                                        ptrdiff_t count, ptrdiff_t first, ptrdiff_t end, int32_t *sums, int unit) {
    ptrdiff_t i = first;
    if (i >= count || ink[i] >= end) return i;
    ns_u16x16 a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (; i < count; i++) {
        ptrdiff_t j = ink[i];
        if (j >= end) break;
        const int16_t *w = strip + j * NS_OUTPUTS_PER_STRIP;
        ns_u16x16 q = (ns_u16x16)(uint16_t)levels[i];
        a0 += unit ? ns_load16(w) : q * ns_load16(w);
        a1 += unit ? ns_load16(w + 16) : q * ns_load16(w + 16);
        a2 += unit ? ns_load16(w + 32) : q * ns_load16(w + 32);
        a3 += unit ? ns_load16(w + 48) : q * ns_load16(w + 48);
    }
    ns_widen(a0, sums);
    ns_widen(a1, sums + 16);
    ns_widen(a2, sums + 32);
    ns_widen(a3, sums + 48);
    return i;
}

NS_INLINE void ns_input_layer_body(const int16_t *weights, ptrdiff_t inputs, ptrdiff_t outputs,
                                   const int32_t *ink_indices, const int16_t *ink_levels, const ptrdiff_t *ink_counts,
                                   ptrdiff_t ink_stride, int unit_levels, float divisor, const float *bias,
                                   int32_t *partial, ptrdiff_t *cursors, float *out) {
    for (ptrdiff_t base = 0; base < outputs; base += NS_OUTPUTS_PER_STRIP) {
        memset(partial, 0, sizeof(int32_t) * NS_CHUNK * NS_OUTPUTS_PER_STRIP);
        for (int b = 0; b < NS_CHUNK; b++) cursors[b] = 0;
        const int16_t *strip = weights + base * inputs;
        for (ptrdiff_t end = NS_INPUTS_PER_BLOCK; end < inputs + NS_INPUTS_PER_BLOCK; end += NS_INPUTS_PER_BLOCK) {
            ptrdiff_t before = ns_min(end, inputs);
            for (int b = 0; b < NS_CHUNK; b++) {
                const int16_t *levels = ink_levels + b * ink_stride;
                const int32_t *ink = ink_indices + b * ink_stride;
                int32_t *sums = partial + b * NS_OUTPUTS_PER_STRIP;
                cursors[b] = unit_levels
                    ? ns_accumulate_block(strip, levels, ink, ink_counts[b], cursors[b], before, sums, 1)
                    : ns_accumulate_block(strip, levels, ink, ink_counts[b], cursors[b], before, sums, 0);
            }
        }
        for (ptrdiff_t o = 0; o < ns_min(NS_OUTPUTS_PER_STRIP, outputs - base); o++) {
            float *target = out + (base + o) * NS_CHUNK;
            for (int b = 0; b < NS_CHUNK; b++)
                target[b] = bias[base + o] + (float)partial[b * NS_OUTPUTS_PER_STRIP + o] / divisor;
        }
    }
}

#endif
