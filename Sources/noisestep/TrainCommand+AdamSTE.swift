import Foundation
import NoiseStep

extension TrainCommand {
    /// Trains the Adam-STE baseline and, with --out, saves its ternary model at the end as
    /// a model file marked as Adam-STE's (`ModelOrigin`): eval, info and export read it;
    /// its fp32 latent weights and Adam moments are not kept, so it is not resumable.
    func trainAdamSTE(_ data: DataSource, options: TrainingOptions?, plan: RunPlan, team: ProcessTeam) throws {
        if team.size > 1 {
            throw CLIError("--optimizer adam-ste: trains on one process; run it without mpirun"
                + " (`noisestep bench --mpi` measures its data-parallel cost)")
        }
        // validate() refuses adam-ste with --resume, so there are options.
        let trainer = try AdamSTETrainer(options: options ?? arguments.trainingOptions(), training: data.training)
        let run = try RunIdentity(optimizer: .adamSTE, options: trainer.options, dataFingerprint: DataFingerprint(data.training))
        let metrics = try metrics.map { try MetricsLog(creating: $0, run: run, existing: existing) }
        try train(RunDriver(trainer: trainer, validation: data.validation, plan: plan, metrics: metrics), asked: plan.targetStep, data: data)
        guard let out else { return }
        try ModelFile.write(trainer.model, step: trainer.stepsDone, options: trainer.options,
                            dataFingerprint: DataFingerprint(data.training), settings: nil, origin: .adamSTE(trainer.settings),
                            to: out, existing: existing)
        print("model: \(Printable.escaped(out)) (Adam-STE, \(trainer.stepsDone) steps: the ternary weights only;"
            + " eval, info and export read it, and it cannot be resumed)")
    }
}
