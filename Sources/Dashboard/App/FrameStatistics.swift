import Foundation
import NoiseStep

/// Frames drawn by a dashboard run and the seconds it ran, for the frame-rate benchmark.
public struct FrameStatistics: Sendable, Equatable {
    public var frames = 0
    public var seconds = 0.0
    public init(frames: Int = 0, seconds: Double = 0) {
        self.frames = frames
        self.seconds = seconds
    }
    /// Frames per second over the run; 0 before any time passed.
    public var framesPerSecond: Double { seconds > 0 ? Double(frames) / seconds : 0 }
}
