import Foundation
import NoiseStep

/// Frames drawn by a dashboard run and the seconds it ran, for the frame-rate benchmark,
/// and the mouse input that reached the pad, for the stroke measurement.
public struct FrameStatistics: Sendable, Equatable {
    public var frames = 0
    public var seconds = 0.0
    /// Mouse presses that started a stroke on the pad.
    public var strokes = 0
    /// Mouse points (drags and releases) joined to a stroke in progress.
    public var strokePoints = 0
    public init(frames: Int = 0, seconds: Double = 0, strokes: Int = 0, strokePoints: Int = 0) {
        self.frames = frames
        self.seconds = seconds
        self.strokes = strokes
        self.strokePoints = strokePoints
    }
    /// Frames per second over the run; 0 before any time passed.
    public var framesPerSecond: Double { seconds > 0 ? Double(frames) / seconds : 0 }
}
