extension StepLog {
    /// Reads the log at `path` again, calling `visit` with each step's entry, without
    /// replaying anything (cheap: one pass over the file, one section at a time).
    public static func eachEntry(path: String, _ visit: (StepLogEntry) -> Void) throws(StepLogError) {
        let source = try source(path: path)
        var scanner = SectionScanner(file: path, header: try readHeader(source, file: path), source: source)
        while let section = try scanner.next() {
            if case .step(let entry) = section.content { visit(entry) }
        }
    }

    /// Every step whose settings differ from the step before's (the header's for the
    /// first): the changes made by keys at the dashboard and by the density schedule.
    public static func settingsChanges(path: String) throws(StepLogError) -> [(step: Int, from: StepSettings, to: StepSettings)] {
        var changes: [(step: Int, from: StepSettings, to: StepSettings)] = []
        var previous: StepSettings?
        let header = try readHeader(try source(path: path), file: path)
        try eachEntry(path: path) { entry in
            let before = previous ?? StepSettings(header.options)
            if entry.settings != before { changes.append((entry.step, before, entry.settings)) }
            previous = entry.settings
        }
        return changes
    }

    /// Reads the log at `path` again and replays it from its start (the seed's weights, or
    /// the weights section that opens a model file), calling `visit` after each step with
    /// its entry, the weights after it and how many parameters it changed.
    ///
    /// Holds one model, one section and a batch of steps (`StepReplay`) at a time,
    /// however long the log. Checks every section as `read` does; a torn last section
    /// ends the replay.
    public static func replayEachStep(path: String,
                                      _ visit: (ReplayedStep) -> Void) throws(StepLogError) {
        let source = try source(path: path)
        let header = try readHeader(source, file: path)
        var scanner = SectionScanner(file: path, header: header, source: source)
        var model = TernaryModel(shape: header.shape, seed: header.options.seed)
        var replay = StepReplay(seed: header.options.seed)
        while let section = try scanner.next() {
            switch section.content {
            case .weights(_, let weights) where section.offset == header.size:
                model = weights  // a model file's base: the steps start from it
            case .step(let entry):
                if replay.add(entry) { replay.flush(on: &model, visit) }
            case .weights, .settings, .origin, .optional:
                break
            }
        }
        replay.flush(on: &model, visit)
    }
}
