import Foundation
import NoiseStep

/// A step whose settings differ from those of the step before it: a key press, or the
/// density schedule.
public struct SettingsChange: Equatable, Sendable {
    public var step: Int
    public var from: StepSettings
    public var to: StepSettings
}
