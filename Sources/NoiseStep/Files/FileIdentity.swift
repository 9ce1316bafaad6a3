/// A file's device and inode: equal for two paths that name one file (hard links,
/// symbolic links).
public struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
}
