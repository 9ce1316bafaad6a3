/// The sizes of one convolution over feature-major chunks: stride 1, no padding, square
/// kernels. Its input is [channels, height, width] per example, a chunk of it
/// [channels · height · width, 64] with row (c · height + y) · width + x; its output is
/// [outputs, outHeight, outWidth] alike. Weights are [outputs, channels, kernel, kernel]
/// row-major, so an output's taps run in (c, ky, kx) order.
package struct ConvolutionShape: Sendable, Equatable {
    package var channels: Int
    package var height: Int
    package var width: Int
    package var kernel: Int
    package var outputs: Int

    /// - Precondition: every size positive and the kernel no larger than the image.
    package init(channels: Int, height: Int, width: Int, kernel: Int, outputs: Int) {
        precondition(channels > 0 && outputs > 0 && kernel > 0 && kernel <= height && kernel <= width)
        self.channels = channels
        self.height = height
        self.width = width
        self.kernel = kernel
        self.outputs = outputs
    }

    package var outHeight: Int { height - kernel + 1 }
    package var outWidth: Int { width - kernel + 1 }
    /// Weights per output channel: channels · kernel².
    package var taps: Int { channels * kernel * kernel }
    /// Rows of an input chunk: channels · height · width.
    package var inputRows: Int { channels * height * width }
    /// Rows of an output chunk: outputs · outHeight · outWidth.
    package var outputRows: Int { outputs * outHeight * outWidth }
    /// Multiply-adds of one example's forward pass: output rows × taps.
    package var multiplyAdds: Int { outputRows * taps }

    /// The input row, relative to an output position's top-left input row, that tap t =
    /// (c · kernel + ky) · kernel + kx reads: (c · height + ky) · width + kx.
    package func tapRowOffset(_ tap: Int) -> Int {
        let kx = tap % kernel, ky = tap / kernel % kernel, c = tap / (kernel * kernel)
        return (c * height + ky) * width + kx
    }
}
