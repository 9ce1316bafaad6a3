/// How pixels become network inputs.
public enum InputEncoding: String, Sendable, CaseIterable, Codable {
    /// pixel > 0 → 1, else 0.
    case binary
    /// pixel / 255.
    case gray
}
