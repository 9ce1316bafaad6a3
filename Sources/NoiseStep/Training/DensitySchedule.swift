/// How the density of the perturbations changes over a run.
public enum DensitySchedule: String, Sendable, CaseIterable, Codable {
    /// The paper's: 6e-5, then 1.5e-5 once the step loss is below 2, then 3.7e-6 below 1.
    /// The density only ever goes down.
    case paper
    /// Keep the configured density for the whole run.
    case fixed
}
