/// The experiment a scenario declares: how customers are assigned, what is measured, how it is
/// tested and what would stop a launch.
public struct ExperimentSpec: Sendable, Equatable {
  /// How the arms are run.
  public enum Mode: String, Sendable, CaseIterable {
    /// A realistic test: arms get disjoint random subsets; everything is estimated with
    /// uncertainty, and the counterfactual truth is computed alongside for comparison.
    case split
    /// Every customer runs under every arm with common random numbers: the true effect of each arm
    /// for this population, with no sampling error from assignment.
    case counterfactual
  }

  /// A metric and, for guardrails, the largest increase the launch tolerates.
  public struct Metric: Sendable, Equatable {
    /// The metric.
    public var metric: OutcomeMetric
    /// For a guardrail, the largest acceptable absolute increase (0.005 on the bad-debt rate, say);
    /// nil for a success metric.
    public var maxIncrease: Double?

    /// Creates a declared metric.
    public init(metric: OutcomeMetric, maxIncrease: Double?) {
      self.metric = metric
      self.maxIncrease = maxIncrease
    }
  }

  /// The mode.
  public var mode: Mode
  /// The control arm's index in the scenario's arms.
  public var control: Int
  /// The family-wise significance level, in (0, 1).
  public var alpha: Double
  /// The metrics in order; the first success metric is the primary one.
  public var metrics: [Metric]
  /// Whether assignment is stratified by segment (permuted blocks within each segment).
  public var stratifyBySegment: Bool
  /// Cluster randomisation: communities of this many consecutive customers (a power of two) are
  /// assigned whole, and metrics are analysed over community totals; nil randomises customers.
  public var clusterSize: Int? = nil
  /// Months of pre-experiment spend simulated per customer as the CUPED covariate (0: no CUPED).
  public var prePeriods: Int
  /// The mSPRT mixing standard deviation as a fraction of the control's value (0.05: effects of
  /// about 5% are expected); nil disables sequential testing.
  public var sequentialRelativeEffect: Double?
  /// Runs under as many seeds (1: the scenario's own only), each with its own population, for
  /// the intervals of the incremental economics and, in split mode, a replicate study.
  public var replicates = 1
}
