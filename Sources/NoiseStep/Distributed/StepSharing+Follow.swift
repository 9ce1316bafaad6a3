extension StepSharing {
    /// A follower's whole part in a run: receives the start from rank 0, builds its
    /// trainer on `training` as `--resume` would, then trains each step rank 0 announces
    /// with rank 0's settings, through a `RunDriver` that records nothing and never
    /// validates, until rank 0 releases it.
    ///
    /// - Parameter threads: worker threads, within `Limits.threads`; results do not
    ///   depend on it.
    /// - Returns: the steps this process trained.
    /// - Throws: `.trainingDataDiffers` before any step when `training` is not rank 0's;
    ///   `.unreadableMessage` or `.outOfStep` when rank 0's messages do not fit this
    ///   build; `.weightsDiffer` when, at the end, this process's weights are not rank 0's.
    @discardableResult
    public func follow(training: Dataset, threads: Int) throws(DistributedError) -> Int {
        precondition(!isLeader, "rank 0 leads")
        let driver = try followerDriver(training: training, threads: threads)
        while true {
            switch receiveControl() {
            case .step(let step, _):
                guard step == driver.stepsDone + 1 else {
                    throw .outOfStep(rank: group.rank, expected: driver.stepsDone + 1, received: step)
                }
                // A driver without a log or metrics file has nothing to fail on.
                _ = try? driver.step()
            case .stop(let stepsDone, let weights):
                guard stepsDone == driver.stepsDone else {
                    throw .outOfStep(rank: group.rank, expected: driver.stepsDone, received: stepsDone)
                }
                guard weights == Self.checksum(driver.trainer.model) else {
                    throw .weightsDiffer(rank: group.rank, step: stepsDone)
                }
                return driver.stepsRun
            case nil:
                throw .unreadableMessage(rank: group.rank)
            }
        }
    }

    /// The driver rank 0's start message describes, on this process's data.
    private func followerDriver(training: Dataset, threads: Int) throws(DistributedError) -> RunDriver<Trainer> {
        let message = group.broadcast(message: [])
        guard let (fingerprint, start) = RunStart.decode(message) else { throw .unreadableMessage(rank: group.rank) }
        let own = DataFingerprint(training)
        guard own == fingerprint else { throw .trainingDataDiffers(rank: group.rank, found: own, leader: fingerprint) }
        let trainer: Trainer
        let plan: RunPlan
        do {
            trainer = try Trainer(resuming: start, training: training, threads: threads, sharing: self)
            plan = try RunPlan(targetStep: Int(Limits.steps.upper), evalEvery: 0)
        } catch {
            preconditionFailure("threads outside the rulebook: \(error)")
        }
        return RunDriver(trainer: trainer, validation: Dataset(pixels: [], labels: []), plan: plan)
    }
}
