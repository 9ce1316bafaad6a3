// The hot loops of noisestep, in C so that one portable build carries both a plain
// version and an AVX2 + FMA version of each, chosen when the process starts (see
// Dispatch.c). Both versions do the same IEEE operations in the same order (fused
// multiply-adds where the contract says so, nothing contracted otherwise), so their
// results are bit for bit the same. The Swift face, with the shapes of every buffer, is
// `Kernels` in the NoiseStepKernels target; activations are feature-major chunks of 64
// examples.
#ifndef C_NOISE_STEP_KERNELS_H
#define C_NOISE_STEP_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

/// One nonzero entry of a perturbation in a dense layer: weight (row, column), or the
/// bias of `row` when `column` is −1; `sign` is −1 or +1; `sample` the perturbation.
typedef struct {
    int32_t row;
    int32_t column;
    int32_t sample;
    int32_t sign;
} ns_perturbation_entry;

/// 1 when the AVX2 + FMA versions run, 0 when the portable ones do.
int ns_kernels_use_vector_extensions(void);
/// Runs the portable versions from now on (`allow` 0) or lets the CPU decide again (1).
void ns_kernels_allow_vector_extensions(int allow);

void ns_multiply(const float *matrix, ptrdiff_t rows, ptrdiff_t inner, const float *input,
                 const float *_Nullable bias, float *out);
float ns_dot(const float *x, const float *y);
float ns_row_sum(const float *x);
void ns_add_scaled(const float *source, float scale, float *row);
void ns_batch_weight_gradient(const float *deltas, ptrdiff_t outputs, ptrdiff_t first_row, ptrdiff_t row_count,
                              const float *inputs, ptrdiff_t input_count, ptrdiff_t chunks, float *out);
float ns_fma_peak_loop(ptrdiff_t iterations, float seed);
void ns_read_gradients(const float *deltas, const float *inputs, const ns_perturbation_entry *entries, ptrdiff_t count,
                       double *alignments);

void ns_layer_norm_forward(const float *z, ptrdiff_t rows, float epsilon, float *normalized, float *rectified,
                           float *inverse_deviation);
void ns_layer_norm_derivative(const float *d, ptrdiff_t rows, const float *normalized,
                              const float *inverse_deviation, int mask_input, int mask_output, float *out);

void ns_tangent_statistics(float *sparse, const ptrdiff_t *rows, ptrdiff_t row_count, ptrdiff_t width,
                           const float *normalized, const float *inverse_deviation, float *mean_term,
                           float *norm_term);
void ns_low_rank_tangent(ptrdiff_t outputs, const float *mean_term, const float *norm_term,
                         const float *mask_product, const float *z_next, const float *bias,
                         const float *transposed, const float *sparse, const ptrdiff_t *rows,
                         ptrdiff_t row_count, float *tangent);

void ns_input_layer(const int16_t *weights, ptrdiff_t inputs, ptrdiff_t outputs, const int32_t *ink_indices,
                    const int16_t *ink_levels, const ptrdiff_t *ink_counts, ptrdiff_t ink_stride, int unit_levels,
                    float divisor, const float *bias, int32_t *partial, ptrdiff_t *cursors, float *out);

// Convolutions (stride 1, no padding) and pooling over [channels, height, width] chunks;
// the shapes of every buffer are in `Kernels+Conv.swift` and `Kernels+Pool.swift`.
void ns_conv_forward(const float *weights, const float *_Nullable bias, const float *input, ptrdiff_t channels,
                     ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs, float divisor, float *out);
void ns_conv_backward(const float *transposed, const float *delta, ptrdiff_t channels, ptrdiff_t height,
                      ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs, float *out);
float ns_conv_tap_gradient(const float *delta, const float *input, ptrdiff_t channels, ptrdiff_t height,
                           ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs);
float ns_conv_bias_gradient(const float *delta, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width,
                            ptrdiff_t kernel, ptrdiff_t outputs);
void ns_conv_batch_weight_gradient(const float *deltas, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width,
                                   ptrdiff_t kernel, ptrdiff_t outputs, ptrdiff_t first_row, ptrdiff_t row_count,
                                   const float *inputs, ptrdiff_t chunks, float *out);
void ns_conv_read_gradients(const float *delta, const float *input, ptrdiff_t channels, ptrdiff_t height,
                            ptrdiff_t width, ptrdiff_t kernel, ptrdiff_t outputs, float divisor,
                            const ns_perturbation_entry *entries, ptrdiff_t count, double *alignments);
void ns_conv_add_tap(const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t kernel,
                     ptrdiff_t outputs, float scale, float *tangent);
void ns_max_pool(const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t size,
                 float *out);
void ns_max_pool_route(const float *input, const float *pooled, ptrdiff_t channels, ptrdiff_t height,
                       ptrdiff_t width, ptrdiff_t size, int to_input, float *along_input, float *along_pooled);
void ns_average_pool(const float *input, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width, ptrdiff_t size,
                     float *out);
void ns_average_pool_backward(const float *delta_out, ptrdiff_t channels, ptrdiff_t height, ptrdiff_t width,
                              ptrdiff_t size, float *delta_in);

#pragma clang assume_nonnull end

#endif
