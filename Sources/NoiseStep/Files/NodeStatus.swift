#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a path or an open file.
struct NodeStatus: Equatable {
    var kind: NodeKind
    var size: Int
    var identity: FileIdentity
    /// The permission bits (0o7777).
    var permissions: UInt32
    /// The owner's user id.
    var owner: UInt32

    init(_ raw: stat) {
        switch raw.st_mode & S_IFMT {
        case S_IFREG: kind = .regularFile
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFSOCK: kind = .socket
        case S_IFLNK: kind = .symbolicLink
        default: kind = .unknown
        }
        size = Int(clamping: raw.st_size)
        identity = FileIdentity(device: UInt64(raw.st_dev), inode: UInt64(raw.st_ino))
        permissions = UInt32(raw.st_mode) & 0o7777
        owner = UInt32(raw.st_uid)
    }

    /// Whether the owner may write it (the permission bit; root ignores it, we do not).
    var isOwnerWritable: Bool { permissions & 0o200 != 0 }
}
