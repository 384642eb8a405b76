import FenqiExperiment
import FenqiSimulation

/// Simulates plans with common random numbers: every plan runs on the same seeds, against the
/// control on the same populations, so that differences between plans are not seed noise.
///
/// When every parameter belongs to the treatment arm, the population (with its seasoned book)
/// and the control's run do not depend on the plan and are made once per seed; each plan then
/// costs one forced run of the treatment arm per seed.
public final class PlanEvaluator {
  /// The optimisation.
  public let inputs: OptimizationInputs
  /// The seeds every plan runs on.
  public let seeds: [UInt64]
  /// Worker threads per simulation.
  public let threads: Int
  /// Whether populations and control runs are shared between plans.
  public let sharesControl: Bool
  private var prepared: [UInt64: SimulationEngine.Prepared] = [:]
  /// Customers by seed, shared by every plan that leaves the population alone (the plans that
  /// do not share the control still share the customers).
  private let populations = PopulationCache()
  private var controlRuns: [UInt64: RunResult] = [:]

  /// An evaluator on `seeds`.
  public init(_ inputs: OptimizationInputs, seeds: [UInt64], threads: Int) {
    self.inputs = inputs
    self.seeds = seeds
    self.threads = threads
    let arm = inputs.scenario.arms[inputs.treatment].name
    sharesControl = inputs.settings.parameters.allSatisfy {
      $0.path.hasPrefix("arms.\(arm).")
        || $0.path.hasPrefix("arms.\(inputs.treatment).")
    }
  }

  /// The seeds of replicate 0…r−1 from `base` (the scenario's seed, then seed + 1, …).
  public static func seeds(from base: UInt64, count: Int) -> [UInt64] {
    (0..<count).map { ReplicateStudy.seed(base, replicate: $0) }
  }

  /// Runs the plan `values` on every seed.
  public func evaluate(_ values: [Double]) -> PlanOutcome {
    let s: Scenario
    switch inputs.scenario(with: values) {
    case .success(let v): s = v
    case .failure(let p):
      return PlanOutcome(
        values: values, objective: .nan, constraints: [], rows: [],
        problem: p.message)
    }
    let pair = twoArms(s)
    return outcome(values, pair, seeds.map { sample(pair, seed: $0) })
  }

  /// Runs every plan of `plans` on every seed, one seed at a time.
  ///
  /// The seed's population (and the control's run) is made once for all of them and released
  /// before the next seed's, so that a long list of seeds never holds more than one population.
  /// The same figures as ``evaluate(_:)`` plan by plan.
  public func evaluate(batch plans: [[Double]]) -> [PlanOutcome] {
    let scenarios = plans.map { inputs.scenario(with: $0).map(twoArms) }
    var samples = [[EconomicsSample]](repeating: [], count: plans.count)
    for seed in seeds {
      let shared = SharedSeed()
      for (k, s) in scenarios.enumerated() {
        guard case .success(let pair) = s else { continue }
        samples[k].append(
          sample(pair, seed: seed, shared: sharesControl ? shared : nil))
      }
    }
    return zip(plans, zip(scenarios, samples)).map { values, entry in
      switch entry.0 {
      case .failure(let p):
        return PlanOutcome(
          values: values, objective: .nan, constraints: [], rows: [],
          problem: p.message)
      case .success(let pair): return outcome(values, pair, entry.1)
      }
    }
  }

  /// A seed's population and control run, shared by the plans of one batch.
  final class SharedSeed {
    var prepared: SimulationEngine.Prepared?
    var control: RunResult?
  }

  /// The outcome of `values` from its samples.
  func outcome(
    _ values: [Double], _ pair: Scenario, _ samples: [EconomicsSample]
  )
    -> PlanOutcome
  {
    let rows = IncrementalEconomics(samples, scenario: pair, control: 0).rows()
    let settings = inputs.settings
    let read = { (t: OptimizationTarget) in
      PlanOutcome.row(rows, t).map(t.read) ?? .nan
    }
    return PlanOutcome(
      values: values, objective: read(settings.objective),
      constraints: settings.constraints.map { read($0.target) }, rows: rows,
      problem: nil)
  }

  /// `s` with only the control (first) and the treatment (second).
  func twoArms(_ s: Scenario) -> Scenario {
    var out = s
    out.arms = [s.arms[inputs.control], s.arms[inputs.treatment]]
    out.experiment = nil
    return out
  }

  /// The economics of one seed: the control and the treatment, each run with every customer
  /// under it.
  ///
  /// `shared` (a batch's seed) or else the evaluator's own cache keeps the seed's population and
  /// control run when the plans share them.
  func sample(_ scenario: Scenario, seed: UInt64, shared: SharedSeed? = nil)
    -> EconomicsSample
  {
    var s = scenario
    s.seed = seed
    let engine = SimulationEngine(scenario: s, threads: threads)
    let cache = sharesControl && shared == nil
    let population =
      shared?.prepared ?? (cache ? prepared[seed] : nil)
      ?? populations.prepare(engine)
    let control: RunResult
    if let cached = shared?.control ?? (cache ? controlRuns[seed] : nil) {
      control = cached
    } else {
      let forced = engine.forcing(population, arm: 0)
      control = forced.engine.run(forced.prepared)
    }
    if let shared {
      shared.prepared = population
      shared.control = control
    } else if cache {
      prepared[seed] = population
      controlRuns[seed] = control
    }
    let forced = engine.forcing(population, arm: 1)
    var combined = ExperimentRunner.combine([
      control, forced.engine.run(forced.prepared),
    ])
    combined.scenario = s
    return EconomicsSample(combined, control: 0)
  }
}
