import Foundation
import NoiseStep

/// Whether and where to find the PyTorch reference script.
public enum ReferenceChoice: Sendable, Equatable {
    /// Do not run it.
    case skip
    /// `explicit` if given (it must exist), else `shared/bench/ref_noise_step.py` above the
    /// current directory or the executable; missing default script or torch is only a note.
    case locate(explicit: String?)
}
