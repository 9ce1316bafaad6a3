import NoiseStep

extension StepLogError {
    /// One line naming the file (escaped), the problem and what to do next.
    var message: String {
        switch self {
        case .io(let file, let problem):
            return problem.message(path: file)
        case .badMagic(let file):
            return "\(Printable.escaped(file)): not a noisestep step log (bad magic); pass a .nstep file written by"
                + " `\(ProgramName.command) train`"
        case .unsupportedVersion(let file, let found, let supported) where found > supported:
            return "\(Printable.escaped(file)): format version \(found) is newer than this program's \(supported);"
                + " update noisestep to read it"
        case .unsupportedVersion(let file, let found, let supported):
            return "\(Printable.escaped(file)): format version \(found) is not a valid version (this program reads"
                + " \(StepLogFormat.oldestVersion)...\(supported)); the file is damaged"
        case .truncatedHeader(let file, let bytes):
            return "\(Printable.escaped(file)): truncated: the file ends inside its header (\(bytes) bytes);"
                + " it holds no steps, start the run again"
        case .damagedHeader(let file, let damage):
            return "\(Printable.escaped(file)): header damaged: \(damage.words); the run's settings cannot be trusted,"
                + " start the run again"
        case .wrongGenerator(let file, let found, let expected):
            return "\(Printable.escaped(file)): written with PRNG \"\(Printable.escaped(found))\", \(expected) expected;"
                + " its steps can only be replayed by the program that wrote it"
        case .invalidOptions(let file, let problem):
            return "\(Printable.escaped(file)): invalid training options in the header: \(problem.words)"
        case .damagedSection(let file, let section, let kind, let offset, let problem, let intactSteps):
            let name = SectionProblem.name(kind: kind, problem: problem), path = Printable.escaped(file)
            return "\(path): section \(section) (\(name)) at byte \(offset): \(problem.message(kind: kind)) (file damaged);"
                + " the steps up to \(intactSteps) are intact: `\(ProgramName.command) replay \(path) --to \(intactSteps)"
                + " --out MODEL.nstep` rebuilds their weights"
        case .weightsMismatch(let file, let step):
            let path = Printable.escaped(file)
            return "\(path): the weights saved at step \(step) differ from the weights its steps replay to; the file"
                + " was damaged or edited. The steps alone rebuild the weights: `\(ProgramName.command) replay \(path) --to \(step)"
                + " --out MODEL.nstep`"
        case .cannotAppend(let file, let problem):
            return "\(Printable.escaped(file)): cannot append: \(problem.appendMessage)"
        case .architectureMismatch(let file, let expected, let found):
            return "\(Printable.escaped(file)): the model is \(Words.architecture(found)) but the log's architecture is"
                + " \(Words.architecture(expected))"
        case .writerFailed(let file):
            return "\(Printable.escaped(file)): the log is closed, or an earlier write failed half-way; nothing more"
                + " is written to it"
        case .otherTrainingData(let file, let recorded, let given):
            return "\(Printable.escaped(file)): the run trained on other data (\(recorded.words)) than this --data"
                + " holds (\(given.words)); pass the --data the run was started with"
        case .notResumable(let file, let origin):
            return "\(Printable.escaped(file)): holds \(origin.words), without its fp32 latent weights and Adam moments,"
                + " so it cannot be continued; `noisestep eval`, `info` and `export` read it as it is"
        }
    }
}

extension HeaderDamage {
    var words: String {
        switch self {
        case .generatorLength(let length):
            return "generator name length \(length) is outside 1...\(StepLogFormat.maxGeneratorBytes)"
        case .optionsLength(let length): return "options length \(length) is outside 1...\(StepLogFormat.maxOptionsBytes)"
        case .fingerprintLength(let length):
            return "data fingerprint length \(length) is neither 0 nor \(DataFingerprint.byteCount)"
        case .crcMismatch: return "CRC mismatch"
        }
    }
}

extension OptionsProblem {
    var words: String {
        switch self {
        case .limit(let violation): return violation.fileMessage
        case .unknownOption(let name):
            return "unknown option \"\(Printable.escaped(name))\" (written by a newer noisestep? update to replay it)"
        case .missingOption(let name): return "missing option \"\(Printable.escaped(name))\""
        case .invalidValue(let option, let found, let example):
            return "\"\(Printable.escaped(option))\" holds \(Printable.escaped(Words.shortened(found))), which it does"
                + " not take (it takes values like \(example))"
        case .notAnObject: return "not a JSON object"
        }
    }
}

extension DataFingerprint {
    /// "4500 examples, fingerprint 1A2B3C4D-5E6F7A8B".
    var words: String {
        "\(examples) examples, fingerprint \(Words.hex(labelsCRC).dropFirst(2))-\(Words.hex(pixelsCRC).dropFirst(2))"
    }
}

extension ModelOrigin {
    /// "an Adam-STE model (learning rate 0.001)".
    var words: String {
        switch self {
        case .adamSTE(let settings): return "an Adam-STE model (learning rate \(NumberFormat.plain(settings.learningRate)))"
        }
    }
}
