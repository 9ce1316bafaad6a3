import Foundation
import NoiseStep

extension FileProblem {
    /// One line about `path` (as the user gave it): what is wrong and, where there is
    /// one, what to do.
    func message(path: String) -> String {
        let file = path.isEmpty ? "''" : Printable.escaped(path)
        switch self {
        case .system(let operation, let code):
            return "\(file): " + Self.systemMessage(operation, code: code)
        case .notRegularFile(let kind):
            return "\(file): is \(kind.words), not a regular file; noisestep reads and writes regular files only"
        case .exists(let kind):
            return "\(file): already exists and is kept; " + kind.whenExists(file)
        case .notReplaceable(let kind):
            return "\(file): is not \(kind.words), so it is kept; choose another path"
        case .locked:
            return "\(file): another noisestep process is writing it; let that one finish, or choose another path"
        case .tooLarge(let bytes, let limit):
            return "\(file): \(bytes) bytes is more than the \(limit) bytes (\(limit >> 20) MiB) such a file may hold"
        case .sameFile(let other):
            return "\(file): is the same file as \(Printable.escaped(other)); give each its own file"
        case .writeStalled:
            return "\(file): cannot write: the file system took no bytes"
        case .emptyPath:
            return "\(file): an empty path names no file; give a file name"
        case .readOnly:
            return "\(file): is read-only, so it is kept; make it writable (chmod u+w) if it may change"
        case .otherOwner:
            return "\(file): belongs to another user, so it is kept; choose another path"
        }
    }

    private static func systemMessage(_ operation: FileOperation, code: Int32) -> String {
        let reason = String(cString: strerror(code))
        switch (operation, code) {
        case (.open, ENOENT), (.status, ENOENT):
            return "no such file or directory"
        case (.create, ENOENT), (.link, ENOENT):
            return "cannot create it: its folder does not exist"
        case (_, ENOTDIR):
            return "a part of its path that should be a folder is a file"
        case (_, ENAMETOOLONG):
            return "the name (or the whole path) is too long for the file system"
        case (_, ELOOP):
            return "a loop of symbolic links (or a chain of more than 40)"
        case (_, ENOSPC), (_, EDQUOT), (_, EFBIG):
            return "cannot \(operation.verb): \(reason); free some space"
        case (_, EACCES), (_, EPERM), (_, EROFS):
            return "cannot \(operation.verb): \(reason); check the permissions"
        default:
            return "cannot \(operation.verb): \(reason)"
        }
    }
}

extension FileOperation {
    var verb: String {
        switch self {
        case .open: return "open"
        case .create: return "create"
        case .read: return "read"
        case .write: return "write"
        case .sync: return "write to disk"
        case .truncate: return "cut back"
        case .lock: return "lock"
        case .rename: return "replace"
        case .link: return "create"
        case .status: return "look up"
        case .followLink: return "follow the symbolic link"
        case .syncDirectory: return "save the folder entry of"
        }
    }
}

extension NodeKind {
    /// "a FIFO (named pipe)".
    var words: String {
        switch self {
        case .regularFile: return "a regular file"
        case .directory: return "a directory"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        case .unknown: return "a special file"
        }
    }
}

extension OutputKind {
    /// "a noisestep step log".
    var words: String {
        switch self {
        case .stepLog: return "a noisestep step log"
        case .modelFile: return "a noisestep model file (one that holds no run's steps)"
        case .metrics: return "a noisestep metrics file"
        case .report: return "a noisestep report"
        case .onnxModel: return "an ONNX model written by noisestep export"
        case .safetensors: return "a safetensors file written by noisestep export"
        case .history: return "a dashboard history export"
        }
    }

    /// What to do when a new output of this kind finds `file` taken.
    func whenExists(_ file: String) -> String {
        switch self {
        case .stepLog: return "continue its run with --resume \(file), or pass --force to replace it"
        case .metrics: return "pass --force to replace it (a resumed run continues its metrics file)"
        case .onnxModel, .safetensors: return "pass --force to replace it, or choose another --out"
        case .modelFile: return "pass --force to replace a model file, or choose another path"
        case .report, .history: return "choose another path"
        }
    }
}
