import Foundation
import NoiseStep

/// Whether and where to find the PyTorch reference script.
public enum ReferenceChoice: Sendable, Equatable {
    /// Do not run it.
    case skip
    /// `explicit` if given (it must exist), else the package's Tests/Peer/noise_step_peer.py
    /// (`ReferenceRunner.locate`); a missing default script or torch is only a note.
    case locate(explicit: String?)
}
