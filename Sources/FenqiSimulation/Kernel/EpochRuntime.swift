import FenqiDecision

/// What the features that live between months hand the chunks for one month.
struct MonthInputs: Sendable {
  /// The lender's models and thresholds (risk stack).
  var lender: LenderPeriod? = nil
  /// The lender's PD model per arm, for policies that weigh risk.
  var pd: [ScoringModel?] = []
  /// The merchants trading (merchant agents).
  var merchants: MerchantPeriod? = nil
  /// The targeting plans (targeting policies).
  var targeting: TargetingPeriod? = nil
}

/// A feature that lives between months on the engine's thread: it prepares each month's inputs
/// before the chunks run it and reads the merged month after, so its presence makes every epoch
/// one month long.
///
/// The engine resolves the runtimes once per run, in ``SimulationEngine/runtimes(_:)`` order, and
/// calls them in that order at every boundary.
protocol EpochRuntime {
  /// Fills its part of the month's inputs (earlier runtimes' parts are already there).
  mutating func begin(period: Int, inputs: inout MonthInputs)
  /// Reads (and may update) the chunks after the month, given its merged counts.
  mutating func end(
    period: Int, counts: [ArmPeriodCounts], chunks: inout [ChunkState])
  /// Writes what it learned into the run's result.
  func record(into result: inout RunResult, chunks: [ChunkState])
}

extension LenderRuntime: EpochRuntime {
  mutating func begin(period: Int, inputs: inout MonthInputs) {
    begin(period: period)
    inputs.lender = current
    inputs.pd = pd
  }

  mutating func end(
    period: Int, counts: [ArmPeriodCounts], chunks: inout [ChunkState]
  ) {
    end(period: period, chunks: &chunks)
  }

  func record(into result: inout RunResult, chunks: [ChunkState]) {
    var run = record
    run.trainingSeconds = trainingSeconds
    run.bundle = decisionBundle()
    result.risk = run
  }
}

extension MerchantRuntime: EpochRuntime {
  mutating func begin(period: Int, inputs: inout MonthInputs) {
    inputs.merchants = begin(period: period)
  }

  mutating func end(
    period: Int, counts: [ArmPeriodCounts], chunks: inout [ChunkState]
  ) {
    end(chunks: chunks)
  }

  /// The merchants' record joins the business run the engine built from the chunks.
  func record(into result: inout RunResult, chunks: [ChunkState]) {
    result.business?.merchants = record
  }
}

extension TargetingRuntime: EpochRuntime {
  mutating func begin(period: Int, inputs: inout MonthInputs) {
    inputs.targeting = self.period(period, pd: inputs.pd)
  }

  func record(into result: inout RunResult, chunks: [ChunkState]) {
    result.targeting = record
  }
}
