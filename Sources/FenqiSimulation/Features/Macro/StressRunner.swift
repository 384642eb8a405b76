import FenqiCore
import FenqiRisk

/// Monte-Carlo stress: the scenario under N draws of the systematic factor path.
///
/// Every path reuses one population (the same customers make the same purchases) and runs
/// single-threaded; paths run in parallel and are collected in path order, so the result is the
/// same at any thread count. Path p's factor is the macro path's drift plus a standard-normal
/// noise: by default one draw per year held for its twelve months (``FenqiRisk/FactorDraws``),
/// or a monthly AR(1) from (seed, p, month); its repayment draws use a seed of its own, so
/// idiosyncratic defaults differ between paths too.
public struct StressRunner: Sendable {
  /// The scenario (it must have a `macro` path).
  public let scenario: Scenario
  /// Number of factor paths.
  public let paths: Int
  /// Worker threads.
  public let threads: Int
  /// Run only paths p with p mod count = index − 1 (1-based index).
  public let shard: (index: Int, count: Int)

  /// Creates a runner.
  public init(
    scenario: Scenario, paths: Int, threads: Int,
    shard: (index: Int, count: Int) = (1, 1)
  ) {
    self.scenario = scenario
    self.paths = paths
    self.threads = Swift.max(1, threads)
    self.shard = shard
  }

  /// The 0-based paths this runner's shard runs.
  public var pathIndices: [Int] {
    (0..<paths).filter { $0 % shard.count == shard.index - 1 }
  }

  /// One arm's outcome on one path (yuan).
  public struct ArmOutcome: Sendable, Equatable {
    /// Principal booked over the run.
    public var bookedPrincipal: Double
    /// Loans charged off.
    public var chargeOffs: Double
    /// Principal charged off.
    public var chargeOffPrincipal: Double
    /// Credit loss: charged-off principal × LGD.
    public var loss: Double
    /// Net income over the run.
    public var netIncome: Double
    /// Balance more than 30 days past due ÷ balance, last month.
    public var dpd30PlusRate: Double

    /// Recoveries on the charged-off principal, received or still due (yuan).
    public var recoveries: Double = 0

    /// The seasoned book's balance at the window's start (yuan).
    public var openingBalance: Double = 0

    /// Loss ÷ the principal lent: the opening balance plus the principal booked.
    public var lossRate: Double {
      let lent = openingBalance + bookedPrincipal
      return lent > 0 ? loss / lent : 0
    }
  }

  /// Everything a stress run produces.
  public struct Result: Sendable {
    /// [path][arm] outcomes, for the paths in `pathIndices`.
    public var paths: [[ArmOutcome]]
    /// The 0-based index of each path in `paths`.
    public var pathIndices: [Int]
    /// The scenario without its shocks, on the mean path.
    public var baseline: RunResult
    /// The scenario with its shocks, on the mean path.
    public var shocked: RunResult
  }

  /// The scenario with every shock removed (the baseline the shocks are compared with).
  public static func withoutShocks(_ s: Scenario) -> Scenario {
    var b = s
    b.macro?.shocks = []
    return b
  }

  /// Runs the baseline, the shocked mean path and every stress path.
  public func run(progress: (Int) -> Void = { _ in }) -> Result {
    let baseline = SimulationEngine(
      scenario: Self.withoutShocks(scenario), threads: threads
    ).run()
    let shocked = SimulationEngine(scenario: scenario, threads: threads).run()
    let prepared = SimulationEngine(scenario: scenario, threads: threads)
      .prepare()
    let persistence = scenario.macro?.vasicek.persistence ?? 0
    let generator = scenario.macro?.vasicek.generator ?? .annual
    let lgd = scenario.repayment.lossGivenDefault
    let indices = pathIndices
    var outcomes = [[ArmOutcome]](repeating: [], count: indices.count)
    let batch = 64
    var done = 0
    while done < indices.count {
      let count = Swift.min(batch, indices.count - done)
      let first = done
      outcomes.withUnsafeMutableBufferPointer { buffer in
        let slots = DisjointMutableBuffer(buffer)
        ParallelChunks.forEach(count: count, threads: threads) { k in
          let p = indices[first + k]
          let noise =
            generator == .annual
            ? FactorDraws(seed: scenario.seed, persistence: persistence)
              .monthly(path: p, months: scenario.periods)
            : MacroTables.noise(
              seed: scenario.seed, path: p, periods: scenario.periods,
              persistence: persistence)
          let engine = SimulationEngine(
            scenario: scenario, threads: 1, factorNoise: noise)
          let result = engine.run(engine.reprepared(prepared, path: p))
          slots[first + k] = result.arms.map { arm in
            ArmOutcome(
              bookedPrincipal: arm.totals.bookedPrincipal,
              chargeOffs: arm.totals.book.chargeOffs,
              chargeOffPrincipal: arm.totals.book.chargeOffPrincipal,
              loss: arm.totals.book.chargeOffPrincipal * lgd,
              netIncome: arm.netIncome, dpd30PlusRate: arm.dpd30PlusRate,
              recoveries: arm.recoveries + arm.pendingRecoveries,
              openingBalance: arm.openingBalance)
          }
        }
      }
      done += count
      progress(done)
    }
    return Result(
      paths: outcomes, pathIndices: indices, baseline: baseline,
      shocked: shocked)
  }
}
