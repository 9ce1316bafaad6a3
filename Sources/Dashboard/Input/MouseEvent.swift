import NoiseStep

/// A left-button or wheel mouse event at a screen cell.
public struct MouseEvent: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case press
        /// The pointer moved while the button was held.
        case drag
        case release
        /// One notch of the wheel, away from the person or toward them.
        case scrollUp, scrollDown
    }

    public var action: Action
    public var column: Int
    public var row: Int

    public init(_ action: Action, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}
