/// The kinds of file noisestep writes. An existing file is replaced only when it is
/// recognised as the kind the output writes, and only where a command allows it.
public enum OutputKind: String, Sendable, Equatable {
    /// A step log (`.nstep`), recognised by its magic bytes.
    case stepLog
    /// A model file: a step log that holds weights and no step records.
    case modelFile
    /// A metrics file: one JSON object per step, each line starting `{"step":`.
    case metrics
    /// A JSON report written whole for another program, whose first key names it
    /// (`{"report":`), e.g. the figures a command leaves for `noisestep bench`.
    case report
    /// An ONNX model written by `noisestep export` (its ir_version, then producer "noisestep").
    case onnxModel
    /// A safetensors file written by `noisestep export` (its header starts with the metadata).
    case safetensors
    /// The dashboard's plotted history, as CSV (`first_step,`).
    case history
}
