import FenqiCore

/// The moments a calibration fits and the distance of a simulation from them.
///
/// The distance is the method of simulated moments' criterion with a diagonal weight matrix, the
/// inverse variances of the observed moments (McFadden 1989; Pakes & Pollard 1989):
/// D(θ) = Σ_m ((s_m(θ) − o_m) / σ_m)², where s_m is the simulated moment (the mean over the
/// replicates), o_m the observed one and σ_m its standard error floored at
/// max(``absoluteFloor``, ``relativeFloor``·|o_m|) so that a moment measured almost exactly (a
/// rate near 0 on a large book) cannot outweigh all the others.
public struct MomentTarget: Sendable, Equatable {
  /// An observed moment's standard error is floored at this, in the moment's unit.
  public static let absoluteFloor = 1e-4
  /// …and at this fraction of the moment's absolute value (1%).
  public static let relativeFloor = 0.01

  /// The moments' names, in the moments file's order.
  public let names: [String]
  /// The observed values.
  public let observed: [Double]
  /// The observed standard errors, as the file gives them.
  public let standardErrors: [Double]
  /// The floored standard errors the distance divides by.
  public let scales: [Double]
  /// Each moment's bootstrap replicates as deviations from their mean, `[moment][replicate]`.
  ///
  /// Present when every moment carries the same number (≥ 2) of replicates
  /// (``ObservedMoment/replicates``), nil otherwise. With them, perturbations keep the moments'
  /// correlations.
  public let deviations: [[Double]]?

  /// The target of `moments`, in their order.
  public init(_ moments: [ObservedMoment]) {
    names = moments.map(\.name)
    observed = moments.map(\.value)
    standardErrors = moments.map(\.standardError)
    scales = moments.map(Self.scale)
    let b = moments.first?.replicates.count ?? 0
    if b >= 2, moments.allSatisfy({ $0.replicates.count == b }) {
      deviations = moments.map { m in
        var mean = 0.0
        for x in m.replicates { mean += x }
        mean /= Double(b)
        return m.replicates.map { $0 - mean }
      }
    } else {
      deviations = nil
    }
  }

  private init(
    names: [String], observed: [Double], standardErrors: [Double],
    scales: [Double], deviations: [[Double]]?
  ) {
    self.names = names
    self.observed = observed
    self.standardErrors = standardErrors
    self.scales = scales
    self.deviations = deviations
  }

  /// Whether perturbations keep the moments' correlations (the moments carry replicates).
  public var isCorrelated: Bool { deviations != nil }

  /// The standard error a moment's distance divides by: its own, floored.
  public static func scale(_ m: ObservedMoment) -> Double {
    Swift.max(m.standardError, absoluteFloor, relativeFloor * abs(m.value))
  }

  /// The distance of simulated moments (aligned with ``names``; nil where the simulation gave
  /// none): +∞ when any is missing.
  public func distance(_ simulated: [Double?]) -> Double {
    precondition(
      simulated.count == names.count, "one simulated value per moment")
    var sum = 0.0
    for m in names.indices {
      guard let s = simulated[m] else { return .infinity }
      let z = (s - observed[m]) / scales[m]
      sum += z * z
    }
    return sum
  }

  /// The standardised residual (s − o)/σ of moment `m`.
  public func z(_ m: Int, simulated s: Double) -> Double {
    (s - observed[m]) / scales[m]
  }

  /// The target with the observed moments perturbed for bootstrap draw `draw`.
  ///
  /// With ``deviations`` (B replicates): o_m + √(1 + 1/R)·Σ_b ε_b·d_mb / √(B − 1), ε_b standard
  /// normal and d_mb replicate b's deviation — a normal vector whose covariance is the
  /// bootstrap's covariance of the moments, so a cumulative curve moves as a whole and a roll
  /// row keeps summing to one. Without: o_m + σ_m·√(1 + 1/R)·ε_m, independent across moments,
  /// σ_m the file's standard error.
  ///
  /// The factor 1 + 1/R is the method of simulated moments' allowance for simulation noise with
  /// R replicates, taking the simulated book to be as large as the observed one (McFadden 1989;
  /// Gouriéroux & Monfort 1996, §2.3). Draws come from the stream (seed, draw, 0,
  /// ``Purpose/calibrationBootstrap``), counter = the replicate's (or the moment's) position.
  public func perturbed(draw: Int, seed: UInt64, replicates: Int)
    -> MomentTarget
  {
    MomentTarget(
      names: names,
      observed: zip(
        observed, perturbation(draw: draw, seed: seed, replicates: replicates)
      )
      .map(+),
      standardErrors: standardErrors, scales: scales, deviations: deviations)
  }

  /// The perturbation of bootstrap draw `draw`, per moment, in the moments' units (see
  /// ``perturbed(draw:seed:replicates:)``).
  public func perturbation(draw: Int, seed: UInt64, replicates: Int) -> [Double]
  {
    var stream = RandomStream(
      key: StreamKey(
        seed: seed, entity: UInt64(draw), period: 0,
        purpose: .calibrationBootstrap))
    let inflation = (1 + 1 / Double(replicates)).squareRoot()
    guard let deviations, let b = deviations.first?.count else {
      return standardErrors.map { $0 * inflation * stream.normal() }
    }
    // Gaussian multiplier bootstrap: Σ_b ε_b·d_b / √(B − 1) has the replicates' sample
    // covariance (Chernozhukov, Chetverikov & Kato 2013).
    let weights = (0..<b).map { _ in stream.normal() }
    let norm = inflation / Double(b - 1).squareRoot()
    return deviations.map { d in
      var sum = 0.0
      for k in 0..<b { sum += weights[k] * d[k] }
      return sum * norm
    }
  }
}
