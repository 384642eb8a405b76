import FenqiCore
import FenqiCredit
import FenqiPopulation
import FenqiRisk

/// Runs a scenario: generates the population in fixed chunks, then steps every chunk through each
/// period in parallel, merging counts in chunk order so that results are byte-identical at any
/// thread count.
public struct SimulationEngine: Sendable {
  /// The scenario to run.
  public let scenario: Scenario
  /// Worker threads (≥ 1).
  public let threads: Int

  /// The longest run of periods a chunk simulates before the engine merges and reports progress.
  ///
  /// Affects speed and the progress cadence only, never a result.
  public let progressEvery: Int

  /// When set, every customer runs under this arm (the counterfactual mode's potential outcomes).
  public let forcedArm: Int?

  /// The random part of the systematic factor per period (index = period) on a stress path;
  /// nil runs the macro path's mean.
  public let factorNoise: [Double]?

  /// Creates an engine.
  ///
  /// - Parameters:
  ///   - scenario: the validated scenario.
  ///   - threads: worker threads (≥ 1); results do not depend on it.
  ///   - progressEvery: periods between progress reports (default: the whole run at once).
  ///   - forcedArm: run every customer under this arm instead of assigning them.
  ///   - factorNoise: the random part of the systematic factor per period (a stress path).
  public init(
    scenario: Scenario, threads: Int, progressEvery: Int? = nil,
    forcedArm: Int? = nil, factorNoise: [Double]? = nil
  ) {
    self.factorNoise = factorNoise
    self.scenario = scenario
    self.threads = max(1, threads)
    self.progressEvery = progressEvery ?? scenario.periods
    self.forcedArm = forcedArm
  }

  /// What the engine reports after each period.
  public struct Progress: Sendable {
    /// Periods completed.
    public var completedPeriods: Int
    /// Periods in the run.
    public var totalPeriods: Int
    /// Customers per period.
    public var customers: Int
  }

  /// The prepared population, so that set-up and simulation can be timed apart.
  public struct Prepared: Sendable {
    var chunks: [ChunkState]
    let tables: EngineTables
    /// The lender's first models (nil without a risk stack).
    var lender: LenderModels? = nil
    /// Bytes held in customer, lender and loan columns (an estimate from counts, not the
    /// allocator).
    public var columnBytes: Int {
      chunks.reduce(0) {
        $0 + $1.customers.count
          * (CustomerColumns.bytesPerCustomer + 4
            + ($1.lender == nil ? 0 : LenderState.bytesPerCustomer)
            + ($1.business?.bytesPerCustomer ?? 0))
          + $1.loans.count * LoanBook.bytesPerLoan
      }
    }
    /// Seconds spent training the lender's first models on the burn-in book.
    public var burnInSeconds: Double { lender?.record.trainingSeconds ?? 0 }
  }

  /// Generates the population (in parallel, by chunk).
  public func prepare() -> Prepared {
    let tables = EngineTables(
      scenario, forcedArm: forcedArm, factorNoise: factorNoise)
    let n = scenario.population.size
    let chunkCount = (n + ChunkState.size - 1) / ChunkState.size
    // The decoder has already checked that the correlation matrix factors.
    guard let generator = try? PopulationGenerator(spec: scenario.population)
    else {
      preconditionFailure(
        "scenario \(scenario.name) passed validation with a non-positive-definite correlation matrix"
      )
    }
    let empty = ChunkState(
      customers: CustomerColumns(firstIndex: 0, count: 0), tables: tables)
    var chunks = [ChunkState](repeating: empty, count: chunkCount)
    let seed = scenario.seed
    chunks.withUnsafeMutableBufferPointer { buffer in
      let shared = DisjointMutableBuffer(buffer)
      ParallelChunks.forEach(count: chunkCount, threads: threads) { c in
        let lower = c * ChunkState.size
        let customers = generator.generate(
          range: lower..<min(n, lower + ChunkState.size), seed: seed)
        shared[c] = ChunkState(customers: customers, tables: tables)
      }
    }
    if forcedArm == nil, scenario.experiment?.stratifyBySegment == true {
      let arms = StratifiedAssignment.arms(
        chunks.map(\.customers), scenario: scenario)
      var start = 0
      for c in chunks.indices {
        let n = chunks[c].customers.count
        chunks[c].reassign(arms[start..<start + n], tables: tables)
        start += n
      }
    }
    var lender: LenderModels? = nil
    if let settings = scenario.riskStack, !scenario.riskRecording {
      lender = LenderRuntime.bootstrap(
        scenario, settings: settings, threads: threads)
    }
    return Prepared(chunks: chunks, tables: tables, lender: lender)
  }

  /// The same prepared population set up for stress path `path`: its factor noise and its own
  /// repayment draws (stress paths reuse one population).
  public func reprepared(_ prepared: Prepared, path: Int) -> Prepared {
    Prepared(
      chunks: prepared.chunks,
      tables: EngineTables(
        scenario, forcedArm: forcedArm, factorNoise: factorNoise,
        stressPath: path), lender: prepared.lender)
  }

  /// Runs every period of a prepared population.
  ///
  /// Periods are grouped into epochs that end at synchronisation points (none yet: later layers
  /// add model re-training and global budgets there). Within an epoch each chunk runs all its
  /// periods while its columns are in cache; counts are then merged period by period in chunk
  /// order, so the epoch layout never changes a result.
  public func run(_ prepared: Prepared, progress: (Progress) -> Void = { _ in })
    -> RunResult
  {
    simulate(prepared, progress: progress).result
  }

  /// Runs every period, returning the chunks too (the burn-in reads their rows).
  func simulate(
    _ prepared: Prepared, progress: (Progress) -> Void = { _ in }
  ) -> (result: RunResult, chunks: [ChunkState]) {
    var chunks = prepared.chunks
    let tables = prepared.tables
    let arms = tables.armCount
    let needs = (0...scenario.periods).map {
      tables.needProbabilities(period: max($0, 1))
    }
    var periodCounts: [[ArmPeriodCounts]] = []
    var metricSums: [[MomentSums]] = []
    var runtime = tables.risk.map { _ in
      LenderRuntime(scenario, tables: tables, models: prepared.lender)
    }
    var targeting = tables.targeting.map {
      TargetingRuntime(scenario, tables: $0)
    }
    var merchants = tables.business.flatMap {
      $0.hasMerchants
        ? MerchantRuntime(tables: $0, arms: arms, seed: scenario.seed) : nil
    }
    for epoch in epochs() {
      // With a risk stack an epoch is one month: the lender re-calibrates between months.
      runtime?.begin(period: epoch.lowerBound)
      let lender = runtime?.current
      let plan = targeting?.period(epoch.lowerBound, pd: runtime?.pd ?? [])
      let trading = merchants?.begin(period: epoch.lowerBound)
      chunks.withUnsafeMutableBufferPointer { buffer in
        let shared = DisjointMutableBuffer(buffer)
        ParallelChunks.forEach(count: shared.count, threads: threads) { c in
          shared[c].history.removeAll(keepingCapacity: true)
          shared[c].metricHistory.removeAll(keepingCapacity: true)
          for period in epoch {
            shared[c].step(
              period: period, tables: tables, needProbability: needs[period],
              lender: lender, targeting: plan, merchants: trading)
            shared[c].history.append(shared[c].counts)
            if tables.tracking {
              shared[c].metricHistory.append(shared[c].metricSums)
            }
          }
        }
      }
      for (offset, _) in epoch.enumerated() {
        var merged = [ArmPeriodCounts](
          repeating: ArmPeriodCounts(), count: arms)
        for chunk in chunks {
          for a in 0..<arms { merged[a].add(chunk.history[offset][a]) }
        }
        periodCounts.append(merged)
        if tables.tracking {
          var sums = [MomentSums](
            repeating: MomentSums(), count: arms * tables.metrics.count)
          let period = epoch.lowerBound + offset
          if tables.snapshotEveryPeriod || period == scenario.periods {
            for chunk in chunks {
              for i in sums.indices {
                sums[i].add(chunk.metricHistory[offset][i])
              }
            }
          }
          metricSums.append(sums)
        }
      }
      runtime?.end(period: epoch.lowerBound, chunks: &chunks)
      merchants?.end(chunks: chunks)
      if let last = periodCounts.last {
        targeting?.end(period: epoch.lowerBound, counts: last, chunks: &chunks)
      }
      progress(
        Progress(
          completedPeriods: epoch.upperBound - 1,
          totalPeriods: scenario.periods, customers: scenario.population.size))
    }
    var ledger = ChargeOffLedger(
      arms: arms, segments: tables.needRate.count,
      horizon: min(scenario.periods, 60))
    var segmentCounts = [Double](
      repeating: 0, count: arms * tables.needRate.count * SegmentField.count)
    for chunk in chunks {
      ledger.add(chunk.ledger)
      for i in segmentCounts.indices {
        segmentCounts[i] += chunk.segmentCounts[i]
      }
    }
    var customersPerArm = [Int](repeating: 0, count: arms)
    for chunk in chunks {
      for a in 0..<arms { customersPerArm[a] += chunk.customersPerArm[a] }
    }
    var result = Self.account(
      scenario: scenario, counts: periodCounts,
      customersPerArm: customersPerArm,
      ledger: ledger, segmentCounts: segmentCounts, metricSums: metricSums
    )
    result.forcedArm = forcedArm
    result.targeting = targeting?.record
    result.business = tables.business.map {
      BusinessRun(
        chunks: chunks, tables: $0, arms: arms, merchants: merchants?.record)
    }
    if var record = runtime?.record {
      record.trainingSeconds = runtime?.trainingSeconds ?? 0
      result.risk = record
    }
    return (result, chunks)
  }

  /// The epochs of the run.
  ///
  /// Ranges of 1-based periods between synchronisation points. With progress reporting wanted at
  /// least every `progressEvery` periods.
  func epochs() -> [Range<Int>] {
    let step =
      scenario.riskStack == nil && scenario.targeting == nil
        && scenario.business?.hasMerchants != true
      ? max(1, progressEvery) : 1
    return stride(from: 1, through: scenario.periods, by: step).map {
      $0..<min(scenario.periods + 1, $0 + step)
    }
  }

  /// Prepares and runs in one call.
  public func run(progress: (Progress) -> Void = { _ in }) -> RunResult {
    run(prepare(), progress: progress)
  }

  /// Derives money flows and summaries from the merged counts.
  static func account(
    scenario: Scenario, counts: [[ArmPeriodCounts]], customersPerArm: [Int],
    ledger: ChargeOffLedger, segmentCounts: [Double],
    metricSums: [[MomentSums]] = []
  ) -> RunResult {
    let lag = scenario.repayment.recoveryLagMonths
    let recoveryRate = 1 - scenario.repayment.lossGivenDefault
    let fundingPath = scenario.macro.map {
      MacroPath($0, periods: scenario.periods).fundingShift.map {
        (scenario.economics.annualFundingRate + $0) / 12
      }
    }
    var periods: [[PeriodMetrics]] = []
    for (t, row) in counts.enumerated() {
      periods.append(
        row.enumerated().map { a, c in
          let source = t - lag
          let recoveries =
            source >= 0
            ? recoveryRate * counts[source][a].book.chargeOffPrincipal : 0
          return PeriodMetrics(
            period: t + 1, counts: c, recoveries: recoveries,
            fundingCost: c.book.totalBalance
              * (fundingPath?[t + 1]
                ?? scenario.economics.annualFundingRate / 12),
            marketingCost: scenario.arms[a].targeting != nil
              ? c.targeting.contactCost + c.targeting.discountCost
              : (scenario.arms[a].marketing == nil
                ? c.reached * scenario.arms[a].costPerContact : 0)
                + c.marketing.total)
        })
    }
    let summaries = scenario.arms.enumerated().map { a, arm in
      var totals = ArmPeriodCounts()
      var recoveries = 0.0
      var funding = 0.0
      var marketing = 0.0
      var net = 0.0
      var balanceSum = 0.0
      for row in periods {
        totals.add(row[a].counts)
        recoveries += row[a].recoveries
        funding += row[a].fundingCost
        marketing += row[a].marketingCost
        net += row[a].netIncome
        balanceSum += row[a].counts.book.totalBalance
      }
      // Balances and open loans are stocks: take the last period's, not the sum.
      totals.book.balance =
        periods.last?[a].counts.book.balance ?? (0, 0, 0, 0, 0)
      totals.book.openLoans = periods.last?[a].counts.book.openLoans ?? 0
      let pendingStart = max(0, counts.count - lag)
      let pending = (pendingStart..<counts.count).reduce(0.0) {
        $0 + recoveryRate * counts[$1][a].book.chargeOffPrincipal
      }
      return ArmSummary(
        name: arm.name, customers: customersPerArm[a], totals: totals,
        recoveries: recoveries,
        pendingRecoveries: pending, fundingCost: funding,
        marketingCost: marketing, netIncome: net,
        averageBalance: balanceSum / Double(max(periods.count, 1)),
        periods: periods.count)
    }
    let segmentCount = scenario.behaviours.count
    var segments: [SegmentSummary] = []
    for (a, arm) in scenario.arms.enumerated() {
      for (g, profile) in scenario.population.segments.enumerated() {
        func field(_ f: SegmentField) -> Double {
          segmentCounts[
            SegmentField.index(f, arm: a, segment: g, segments: segmentCount)]
        }
        segments.append(
          SegmentSummary(
            arm: arm.name, segment: profile.name,
            hidden: scenario.hiddenSegments[g],
            customers: field(.customers), needs: field(.needs),
            applications: field(.applications),
            bookings: field(.bookings),
            bookedPrincipal: field(.bookedPrincipal),
            chargeOffs: ledger.segmentCount[a * segmentCount + g],
            chargeOffPrincipal: ledger.segmentPrincipal[a * segmentCount + g]))
      }
    }
    return RunResult(
      scenario: scenario, periods: periods, arms: summaries, segments: segments,
      ledger: ledger, metricSums: metricSums, forcedArm: nil)
  }
}
