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

  /// Booked loans to sample for the run's loan tape (0: no tape); see ``RunResult/tape``.
  public var tapeLoans = 0

  /// What the run is for.
  enum Mode: Sendable, Equatable {
    /// A scenario's run.
    case normal
    /// The risk stack's burn-in: the lender's history before the run, recording the
    /// applications and outcomes its first models learn from (no first models of its own).
    case burnIn
  }

  /// What the run is for.
  let mode: Mode

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
    self.init(
      scenario: scenario, threads: threads, progressEvery: progressEvery,
      forcedArm: forcedArm, factorNoise: factorNoise, mode: .normal)
  }

  /// Creates an engine for `mode`.
  init(
    scenario: Scenario, threads: Int, progressEvery: Int? = nil,
    forcedArm: Int? = nil, factorNoise: [Double]? = nil, mode: Mode
  ) {
    self.mode = mode
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

  /// Generates the population (in parallel, by chunk) and sets up every customer's state.
  ///
  /// - Parameter population: customers generated earlier for the same population and seed
  ///   (see ``population()``), reused instead of generated again; ignored when they were drawn
  ///   for another population or seed. The prepared state is the same either way.
  /// - Returns: every chunk's customers and state, ready to run.
  public func prepare(reusing population: PopulationDraw? = nil) -> Prepared {
    let tables = EngineTables(
      scenario, forcedArm: forcedArm, factorNoise: factorNoise,
      burnIn: mode == .burnIn, tapeLoans: tapeLoans)
    let reused = population.flatMap { $0.matches(scenario) ? $0 : nil }
    var chunks: [ChunkState]
    if let reused {
      chunks = Self.chunks(count: reused.customers.count, threads: threads) {
        ChunkState(customers: reused.customers[$0], tables: tables)
      }
    } else {
      let generate = customerGenerator()
      chunks = Self.chunks(count: chunkCount, threads: threads) {
        ChunkState(customers: generate($0), tables: tables)
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
    if let settings = scenario.riskStack, mode == .normal {
      lender = LenderRuntime.bootstrap(
        scenario, settings: settings, threads: threads)
    }
    return seasoned(Prepared(chunks: chunks, tables: tables, lender: lender))
  }

  /// An engine and population that run every customer of `prepared` under arm `arm`.
  ///
  /// The counterfactual runs of an experiment share one population and one burn-in: the chunks
  /// are copied with every customer reassigned to the arm (and their lines opened under it),
  /// exactly what preparing the forced run from scratch would give, without generating the
  /// population or re-training the lender's first models again.
  public func forcing(_ prepared: Prepared, arm: Int) -> (
    engine: SimulationEngine, prepared: Prepared
  ) {
    var engine = SimulationEngine(
      scenario: scenario, threads: threads, progressEvery: progressEvery,
      forcedArm: arm, factorNoise: factorNoise, mode: mode)
    engine.tapeLoans = tapeLoans
    let tables = EngineTables(
      scenario, forcedArm: arm, factorNoise: factorNoise,
      burnIn: mode == .burnIn, tapeLoans: tapeLoans)
    var chunks = prepared.chunks
    chunks.withUnsafeMutableBufferPointer { buffer in
      let shared = DisjointMutableBuffer(buffer)
      ParallelChunks.forEach(count: shared.count, threads: threads) { c in
        let n = shared[c].customers.count
        shared[c].reassign(
          ArraySlice(repeating: UInt8(arm), count: n), tables: tables)
      }
    }
    return (
      engine, Prepared(chunks: chunks, tables: tables, lender: prepared.lender)
    )
  }

  /// The same prepared population set up for stress path `path`: its factor noise and its own
  /// repayment draws (stress paths reuse one population).
  public func reprepared(_ prepared: Prepared, path: Int) -> Prepared {
    Prepared(
      chunks: prepared.chunks,
      tables: EngineTables(
        scenario, forcedArm: forcedArm, factorNoise: factorNoise,
        stressPath: path, burnIn: mode == .burnIn, tapeLoans: tapeLoans),
      lender: prepared.lender)
  }

  /// Runs every period of a prepared population.
  ///
  /// Periods are grouped into epochs that end at synchronisation points (none yet: later layers
  /// add model re-training and global budgets there). Within an epoch each chunk runs all its
  /// periods while its columns are in cache; counts are then merged period by period in chunk
  /// order, so the epoch layout never changes a result.
  ///
  /// A `prepared` the caller no longer needs is taken over rather than copied: the run writes
  /// into its columns in place.
  public func run(
    _ prepared: consuming Prepared, progress: (Progress) -> Void = { _ in }
  )
    -> RunResult
  {
    simulate(prepared, progress: progress).result
  }

  /// Runs every period, returning the chunks too (the burn-in reads their rows).
  func simulate(
    _ prepared: consuming Prepared, progress: (Progress) -> Void = { _ in }
  ) -> (result: RunResult, chunks: [ChunkState]) {
    var chunks = prepared.chunks
    // Only `chunks` holds the columns now (unless the caller kept its own copy), so the
    // months write into them without copying each one first.
    prepared.chunks = []
    let tables = prepared.tables
    let arms = tables.armCount
    let needs = (0...scenario.periods).map {
      tables.needProbabilities(period: max($0, 1))
    }
    var periodCounts: [[ArmPeriodCounts]] = []
    var metricSums: [[MomentSums]] = []
    var opening = [Double](repeating: 0, count: arms)
    var openingLoans = [Double](repeating: 0, count: arms)
    var seasonedBorrowers = [Double](repeating: 0, count: arms)
    for chunk in chunks {
      let book = chunk.loans.balanceByArm(arms: arms)
      for a in 0..<arms {
        opening[a] += book.principal[a]
        openingLoans[a] += book.loans[a]
      }
      for (i, open) in chunk.openLoans.enumerated() where open > 0 {
        seasonedBorrowers[Int(chunk.arm[i])] += 1
      }
    }
    var runtimes = Self.runtimes(scenario, tables: tables, prepared: prepared)
    for epoch in epochs() {
      // With runtimes an epoch is one month: they step in between months.
      var inputs = MonthInputs()
      for r in runtimes.indices {
        runtimes[r].begin(period: epoch.lowerBound, inputs: &inputs)
      }
      let month = inputs
      chunks.withUnsafeMutableBufferPointer { buffer in
        let shared = DisjointMutableBuffer(buffer)
        ParallelChunks.forEach(count: shared.count, threads: threads) { c in
          shared[c].history.removeAll(keepingCapacity: true)
          shared[c].metricHistory.removeAll(keepingCapacity: true)
          for period in epoch {
            shared[c].step(
              period: period, tables: tables, needProbability: needs[period],
              inputs: month)
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
          if tables.snapshotEveryPeriod || period == scenario.periods
            || period == scenario.window
          {
            for chunk in chunks {
              for i in sums.indices {
                sums[i].add(chunk.metricHistory[offset][i])
              }
            }
          }
          metricSums.append(sums)
        }
      }
      let last = periodCounts.last ?? []
      for r in runtimes.indices {
        runtimes[r].end(period: epoch.lowerBound, counts: last, chunks: &chunks)
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
    for a in 0..<arms {
      result.arms[a].openingBalance = opening[a]
      result.arms[a].openingLoans = openingLoans[a]
      result.arms[a].seasonedBorrowers = seasonedBorrowers[a]
    }
    result.forcedArm = forcedArm
    result.business = tables.business.map {
      BusinessRun(chunks: chunks, tables: $0, arms: arms, merchants: nil)
    }
    for r in runtimes { r.record(into: &result, chunks: chunks) }
    if tables.tapeLoans > 0 {
      result.tape = LoanTapeSample(
        chunks.map(\.tape), limit: tables.tapeLoans, scenario: scenario)
    }
    return (result, chunks)
  }

  /// The features that live between months, resolved once per run in the order they step in:
  /// the lender (its models feed the others), merchant agents, targeting policies.
  static func runtimes(
    _ scenario: Scenario, tables: EngineTables, prepared: Prepared
  ) -> [any EpochRuntime] {
    var out: [any EpochRuntime] = []
    if tables.risk != nil {
      out.append(
        LenderRuntime(scenario, tables: tables, models: prepared.lender))
    }
    if let b = tables.business, b.hasMerchants {
      out.append(
        MerchantRuntime(tables: b, arms: tables.armCount, seed: scenario.seed))
    }
    if let t = tables.targeting {
      out.append(TargetingRuntime(scenario, tables: t))
    }
    return out
  }

  /// The epochs of the run.
  ///
  /// Ranges of 1-based periods between synchronisation points. With progress reporting wanted at
  /// least every `progressEvery` periods.
  func epochs() -> [Range<Int>] {
    let monthly =
      scenario.riskStack != nil || scenario.targeting != nil
      || scenario.business?.hasMerchants == true
    let step = monthly ? 1 : max(1, progressEvery)
    return stride(from: 1, through: scenario.periods, by: step).map {
      $0..<min(scenario.periods + 1, $0 + step)
    }
  }

  /// Prepares and runs in one call.
  public func run(progress: (Progress) -> Void = { _ in }) -> RunResult {
    run(prepare(), progress: progress)
  }

}
