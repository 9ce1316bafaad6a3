// Every kernel twice: compiled for any CPU of the target (plain), and for x86-64 CPUs
// with AVX2 and FMA (Haswell, 2013, and later); the first call picks one. The bodies are
// the same inline functions, so the two differ only in the instructions chosen, never in
// the operations: results are bit for bit equal (tested).
#include "CNoiseStepKernels.h"
#include "Conv.h"
#include "ConvBackward.h"
#include "Dense.h"
#include "InputLayer.h"
#include "LayerNorm.h"
#include "Pool.h"
#include "Tangent.h"
#include <stdatomic.h>

#if defined(__x86_64__)
#include <cpuid.h>
#define NS_VECTOR_TARGET __attribute__((target("avx2,fma")))

/// Whether the CPU has AVX2 and FMA and the system saves the AVX registers.
static int ns_cpu_has_avx2_fma(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const unsigned fma = 1u << 12, osxsave = 1u << 27, avx = 1u << 28;
    if ((c & (fma | osxsave | avx)) != (fma | osxsave | avx)) return 0;
    unsigned low, high;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    if ((low & 6) != 6) return 0;  // XMM and YMM state enabled by the system
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & (1u << 5)) != 0;  // AVX2
}
#else
#define NS_VECTOR_TARGET
static int ns_cpu_has_avx2_fma(void) { return 0; }
#endif

/// -1 until decided, then 0 (plain) or 1 (AVX2 + FMA).
static atomic_int ns_choice = -1;
static atomic_int ns_allowed = 1;

int ns_kernels_use_vector_extensions(void) {
    int choice = atomic_load_explicit(&ns_choice, memory_order_relaxed);
    if (choice < 0) {
        choice = atomic_load_explicit(&ns_allowed, memory_order_relaxed) && ns_cpu_has_avx2_fma();
        atomic_store_explicit(&ns_choice, choice, memory_order_relaxed);
    }
    return choice;
}

void ns_kernels_allow_vector_extensions(int allow) {
    atomic_store_explicit(&ns_allowed, allow != 0, memory_order_relaxed);
    atomic_store_explicit(&ns_choice, -1, memory_order_relaxed);
}

/// `ns_NAME`, calling NAME_body compiled plain or for AVX2 + FMA.
#define NS_DISPATCH(name, parameters, arguments)                                          \
    NS_VECTOR_TARGET static void name##_vector parameters { name##_body arguments; }      \
    static void name##_plain parameters { name##_body arguments; }                        \
    void name parameters {                                                                \
        if (ns_kernels_use_vector_extensions()) name##_vector arguments;                  \
        else name##_plain arguments;                                                      \
    }

/// The same for a kernel that returns a float.
#define NS_DISPATCH_FLOAT(name, parameters, arguments)                                    \
    NS_VECTOR_TARGET static float name##_vector parameters { return name##_body arguments; } \
    static float name##_plain parameters { return name##_body arguments; }                \
    float name parameters {                                                               \
        return ns_kernels_use_vector_extensions() ? name##_vector arguments : name##_plain arguments; \
    }

NS_DISPATCH(ns_multiply,
            (const float *matrix, ptrdiff_t rows, ptrdiff_t inner, const float *input, const float *bias, float *out),
            (matrix, rows, inner, input, bias, out))
NS_DISPATCH_FLOAT(ns_dot, (const float *x, const float *y), (x, y))
NS_DISPATCH_FLOAT(ns_row_sum, (const float *x), (x))
NS_DISPATCH(ns_add_scaled, (const float *source, float scale, float *row), (source, scale, row))
NS_DISPATCH(ns_batch_weight_gradient,
            (const float *deltas, ptrdiff_t outputs, ptrdiff_t first_row, ptrdiff_t row_count, const float *inputs,
             ptrdiff_t input_count, ptrdiff_t chunks, float *out),
            (deltas, outputs, first_row, row_count, inputs, input_count, chunks, out))
NS_DISPATCH_FLOAT(ns_fma_peak_loop, (ptrdiff_t iterations, float seed), (iterations, seed))
NS_DISPATCH(ns_read_gradients,
            (const float *deltas, const float *inputs, const ns_perturbation_entry *entries, ptrdiff_t count,
             double *alignments),
            (deltas, inputs, entries, count, alignments))
NS_DISPATCH(ns_layer_norm_forward,
            (const float *z, ptrdiff_t rows, float epsilon, float *normalized, float *rectified,
             float *inverse_deviation),
            (z, rows, epsilon, normalized, rectified, inverse_deviation))
NS_DISPATCH(ns_layer_norm_derivative,
            (const float *d, ptrdiff_t rows, const float *normalized, const float *inverse_deviation, int mask_input,
             int mask_output, float *out),
            (d, rows, normalized, inverse_deviation, mask_input, mask_output, out))
NS_DISPATCH(ns_tangent_statistics,
            (float *sparse, const ptrdiff_t *rows, ptrdiff_t row_count, ptrdiff_t width, const float *normalized,
             const float *inverse_deviation, float *mean_term, float *norm_term),
            (sparse, rows, row_count, width, normalized, inverse_deviation, mean_term, norm_term))
NS_DISPATCH(ns_low_rank_tangent,
            (ptrdiff_t outputs, const float *mean_term, const float *norm_term, const float *mask_product,
             const float *z_next, const float *bias, const float *transposed, const float *sparse,
             const ptrdiff_t *rows, ptrdiff_t row_count, float *tangent),
            (outputs, mean_term, norm_term, mask_product, z_next, bias, transposed, sparse, rows, row_count, tangent))
NS_DISPATCH(ns_input_layer,
            (const int16_t *weights, ptrdiff_t inputs, ptrdiff_t outputs, const int32_t *ink_indices,
             const int16_t *ink_levels, const ptrdiff_t *ink_counts, ptrdiff_t ink_stride, int unit_levels,
             float divisor, const float *bias, int32_t *partial, ptrdiff_t *cursors, float *out),
            (weights, inputs, outputs, ink_indices, ink_levels, ink_counts, ink_stride, unit_levels, divisor, bias,
             partial, cursors, out))

// Convolutions and pooling (Conv.h, ConvBackward.h, Pool.h).
#define NS_CONV_PARAMETERS ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs
#define NS_CONV_ARGUMENTS channels, height, width, kernel, outputs
NS_DISPATCH(ns_conv_forward,
            (const float *weights, const float *bias, const float *input, NS_CONV_PARAMETERS, float divisor, float *out),
            (weights, bias, input, NS_CONV_ARGUMENTS, divisor, out))
NS_DISPATCH(ns_conv_backward, (const float *transposed, const float *delta, NS_CONV_PARAMETERS, float *out),
            (transposed, delta, NS_CONV_ARGUMENTS, out))
NS_DISPATCH_FLOAT(ns_conv_tap_gradient, (const float *delta, const float *input, NS_CONV_PARAMETERS),
                  (delta, input, NS_CONV_ARGUMENTS))
NS_DISPATCH_FLOAT(ns_conv_bias_gradient, (const float *delta, NS_CONV_PARAMETERS), (delta, NS_CONV_ARGUMENTS))
NS_DISPATCH(ns_conv_batch_weight_gradient,
            (const float *deltas, NS_CONV_PARAMETERS, ptrdiff_t first_row, ptrdiff_t row_count, const float *inputs,
             ptrdiff_t chunks, float *out),
            (deltas, NS_CONV_ARGUMENTS, first_row, row_count, inputs, chunks, out))
NS_DISPATCH(ns_conv_read_gradients,
            (const float *delta, const float *input, NS_CONV_PARAMETERS, float divisor,
             const ns_perturbation_entry *entries, ptrdiff_t count, double *alignments),
            (delta, input, NS_CONV_ARGUMENTS, divisor, entries, count, alignments))
NS_DISPATCH(ns_conv_add_tap, (const float *input, NS_CONV_PARAMETERS, float scale, float *tangent),
            (input, NS_CONV_ARGUMENTS, scale, tangent))
#define NS_POOL_PARAMETERS ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t size
NS_DISPATCH(ns_max_pool, (const float *input, NS_POOL_PARAMETERS, float *out), (input, channels, height, width, size, out))
NS_DISPATCH(ns_max_pool_route,
            (const float *input, const float *pooled, NS_POOL_PARAMETERS, int to_input, float *along_input,
             float *along_pooled),
            (input, pooled, channels, height, width, size, to_input, along_input, along_pooled))
NS_DISPATCH(ns_average_pool, (const float *input, NS_POOL_PARAMETERS, float *out),
            (input, channels, height, width, size, out))
NS_DISPATCH(ns_average_pool_backward, (const float *delta_out, NS_POOL_PARAMETERS, float *delta_in),
            (delta_out, channels, height, width, size, delta_in))
