import Foundation

/// What the handlers read. Signal handlers cannot take context, so it is global; it is
/// written only by `arm()`/`disarm()` on the main thread, while no handler can run.
struct RescueState {
    var modes = termios()
    var hasModes = false
    var isArmed = false
}
