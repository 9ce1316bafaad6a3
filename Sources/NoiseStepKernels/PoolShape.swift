/// Non-overlapping size × size pooling windows over a [channels, height, width] chunk
/// (layout as `ConvolutionShape`'s): the output is [channels, height / size, width / size];
/// rows and columns past the last whole window are dropped (their deltas are 0). A
/// window's entries run in (dy, dx) order.
package struct PoolShape: Sendable, Equatable {
    package var channels: Int
    package var height: Int
    package var width: Int
    package var size: Int

    /// - Precondition: every size positive and the window no larger than the image.
    package init(channels: Int, height: Int, width: Int, size: Int) {
        precondition(channels > 0 && size > 0 && size <= height && size <= width)
        self.channels = channels
        self.height = height
        self.width = width
        self.size = size
    }

    package var outHeight: Int { height / size }
    package var outWidth: Int { width / size }
    /// Rows of an input chunk: channels · height · width.
    package var inputRows: Int { channels * height * width }
    /// Rows of an output chunk: channels · outHeight · outWidth.
    package var outputRows: Int { channels * outHeight * outWidth }
}
