import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation

/// The method of simulated moments over a scenario's free parameters, in three stages.
///
/// 1. **Global**: ``CalibrationSettings/globalPoints`` points of a ``ScrambledHalton`` design
///    over the box (log-scaled parameters in log space). Embarrassingly parallel, and the only
///    stage a shard runs (``evaluateGlobal(shard:store:progress:)``).
/// 2. **Local**: ``NelderMead`` from the best few global points, in lockstep, with the rest of
///    the budget.
/// 3. **Uncertainty**: a parametric bootstrap: each draw perturbs the observed moments
///    (``MomentTarget/perturbed(draw:seed:replicates:)``; with the correlations of their
///    bootstrap replicates when the moments file has them) and re-minimises from the optimum,
///    with a small Nelder–Mead budget (`bootstrap`) or in the Gauss–Newton approximation after
///    a few Gauss–Newton steps (`sandwich`, ``sandwichStage(_:from:target:store:progress:)``);
///    the intervals are the draws' 2.5% and 97.5% quantiles.
///
/// Each trial is a point evaluated with every replicate (common random numbers across points).
/// Trials are numbered in the order they are first asked for, and points already evaluated are
/// never simulated again, so the stages' requests, and with them every output, depend only on
/// the inputs: not on the thread count, the shards, or where a run was cut and resumed.
public struct Calibration<Simulator: MomentSimulator>: Sendable {
  /// The checked inputs.
  public let inputs: CalibrationInputs
  /// Points evaluated at once (each with all its replicates in parallel).
  public let threads: Int
  let evaluator: TrialEvaluator<Simulator>
  let design: ScrambledHalton

  /// Best global points the local stage starts from, at most.
  public static var maxLocalStarts: Int { 3 }
  /// Local evaluations each start needs per (d + 1): a second start is made only when the local
  /// budget gives each at least 25·(d + 1), enough for Nelder–Mead to converge on a smooth
  /// objective; below that, one search from the best global point does better than several
  /// that stop halfway.
  public static var localEvaluationsPerStart: Int { 25 }

  /// Creates a calibration.
  ///
  /// - Parameters:
  ///   - inputs: the checked inputs.
  ///   - simulator: the model.
  ///   - threads: simulations run at once (≥ 1); results do not depend on it.
  public init(inputs: CalibrationInputs, simulator: Simulator, threads: Int) {
    self.inputs = inputs
    self.threads = Swift.max(1, threads)
    evaluator = TrialEvaluator(
      simulator: simulator, parameters: inputs.settings.parameters,
      replicates: inputs.settings.replicates, threads: Swift.max(1, threads))
    design = ScrambledHalton(
      dimension: inputs.settings.parameters.count, seed: inputs.settings.seed)
  }

  var settings: CalibrationSettings { inputs.settings }
  var dimension: Int { settings.parameters.count }

  /// The unit-cube point of global trial `trial` (1 … ``CalibrationSettings/globalPoints``).
  public func globalPoint(_ trial: Int) -> [Double] { design.point(trial - 1) }

  /// The Nelder–Mead simplex edge of the local stage, unit-cube units: half the design's typical
  /// spacing G^(−1/d), within [0.02, 0.25].
  public var localStep: Double {
    let spacing = Foundation.pow(
      Double(settings.globalPoints), -1 / Double(dimension))
    return Swift.min(0.25, Swift.max(0.02, 0.5 * spacing))
  }

  /// Evaluates the global trials of `shard` that `store` lacks (or holds cut short).
  ///
  /// - Throws: ``CalibrationFailure`` when a trial cannot be stored.
  public func evaluateGlobal(
    shard: CalibrationShard, store: some TrialStore, progress: (String) -> Void
  ) throws(CalibrationFailure) {
    let mine = (1...settings.globalPoints).filter {
      shard.owns(globalTrial: $0)
    }
    _ = try obtain(
      mine.map { ($0, .global, globalPoint($0)) }, store: store,
      progress: progress,
      report: GlobalProgress(
        total: mine.count, target: MomentTarget(inputs.selected)))
  }

  /// Runs every stage, taking the trials `store` holds and storing the others.
  ///
  /// - Throws: ``CalibrationFailure`` when no point gives the fitted moments, or a trial cannot
  ///   be stored.
  public func run(store: some TrialStore, progress: (String) -> Void)
    throws(CalibrationFailure) -> CalibrationResult
  {
    var book = TrialBook()
    let global = try obtain(
      (1...settings.globalPoints).map { ($0, .global, globalPoint($0)) },
      store: store,
      progress: progress,
      report: GlobalProgress(
        total: settings.globalPoints, target: MomentTarget(inputs.selected)))
    for r in global { book.append(r) }
    let (target, unsimulated) = try fittedMoments(global)
    book.fit(target)
    if !unsimulated.isEmpty {
      progress(
        "the simulation never gave \(unsimulated.count) selected moment\(unsimulated.count == 1 ? "" : "s"), left out of the fit: \(unsimulated.prefix(8).joined(separator: ", "))\(unsimulated.count > 8 ? ", …" : "")"
      )
    }
    guard let bestGlobal = book.best() else {
      throw CalibrationFailure(
        .method,
        "no global point gave all \(target.names.count) fitted moments; \(firstFailure(global))"
      )
    }
    progress(
      "global stage: \(global.count) points · best distance \(ProgressText.distance(book.distances[bestGlobal])) (trial \(bestGlobal + 1))"
    )
    try localStage(&book, store: store, progress: progress)
    guard let searched = book.best() else {
      preconditionFailure("a finite global distance vanished")
    }
    let (draws, optimum) = try uncertaintyStage(
      &book, from: searched, store: store, progress: progress)
    let estimate = book.records[optimum].point
    let calibrated: JSONValue
    do {
      calibrated = try CornerCheck.patched(
        inputs.scenario, paths: inputs.paths, values: estimate)
    } catch {
      throw CalibrationFailure(
        .method, "cannot write the estimate into the scenario: \(error)")
    }
    return CalibrationResult(
      inputs: inputs, records: book.records, distances: book.distances,
      target: target,
      unsimulated: unsimulated, optimum: optimum, estimate: estimate,
      draws: draws,
      intervals: CalibrationResult.intervals(of: draws, parameters: dimension),
      calibrated: calibrated)
  }

  /// The selected moments the global stage gave at one point or more, and those it never gave.
  private func fittedMoments(_ global: [TrialRecord]) throws(CalibrationFailure)
    -> (
      MomentTarget, [String]
    )
  {
    var given = Set<String>()
    for r in global {
      if case .moments(let m) = r.outcome { given.formUnion(m.keys) }
    }
    let fitted = inputs.selected.filter { given.contains($0.name) }
    let missing = inputs.selected.filter { !given.contains($0.name) }.map(
      \.name)
    guard fitted.count >= dimension else {
      let sample = given.sorted().prefix(8).joined(separator: ", ")
      throw CalibrationFailure(
        .method,
        "the simulation gave \(fitted.count) of the \(inputs.selected.count) selected moments at the global points, fewer than the \(dimension) parameters; \(given.isEmpty ? firstFailure(global) : "it gave: \(sample)\(given.count > 8 ? ", …" : "")")"
      )
    }
    return (MomentTarget(fitted), missing)
  }

  /// The first failure among `records`, for messages.
  private func firstFailure(_ records: [TrialRecord]) -> String {
    for r in records {
      if case .failed(let message) = r.outcome {
        return "trial \(r.trial) failed: \(message)"
      }
    }
    return "every point lacks some fitted moment"
  }
}
