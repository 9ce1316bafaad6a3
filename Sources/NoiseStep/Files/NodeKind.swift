/// What a path names, as `stat` reports it.
public enum NodeKind: String, Sendable, Equatable {
    case regularFile
    case directory
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case symbolicLink
    case unknown
}
