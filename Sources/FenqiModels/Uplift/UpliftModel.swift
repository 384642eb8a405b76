import FenqiCore

/// An uplift model: the estimated change in the outcome's probability when a customer is treated
/// (contacted), from a randomised pilot.
///
/// - T-learner: one classifier on the treated rows, one on the controls; τ̂(x) = μ̂₁(x) − μ̂₀(x).
/// - X-learner (Künzel et al. 2019): after the T-learner's μ̂₀, μ̂₁, impute each treated row's
///   effect D₁ = Y − μ̂₀(x) and each control's D₀ = μ̂₁(x) − Y, regress both on x, and blend
///   τ̂(x) = g·τ̂₀(x) + (1 − g)·τ̂₁(x) with g the pilot's treated share.
public struct UpliftModel: Sendable {
  /// Which meta-learner.
  public enum Learner: String, Sendable, Equatable, CaseIterable {
    case t, x
  }

  /// The learner.
  public let learner: Learner
  let treated: TreeRowScorer
  let control: TreeRowScorer
  let tauTreated: TreeRowScorer?
  let tauControl: TreeRowScorer?
  let treatedShare: Double
  /// The number of inputs a row holds.
  public var width: Int { treated.width }

  /// Why a model could not be fitted.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
  }

  /// Fits on a pilot: `features` for every row, whether it was treated, its 0/1 outcome.
  ///
  /// - Throws: ``Failure`` when either group is empty or has a single outcome.
  public init(
    learner: Learner, features: FeatureTable, treated isTreated: [Bool],
    outcomes: [Double], parameters: GBDTParameters
  ) throws(Failure) {
    let t = isTreated.indices.filter { isTreated[$0] }
    let c = isTreated.indices.filter { !isTreated[$0] }
    func fit(
      _ rows: [Int], _ labels: [Double], _ objective: GBDTParameters.Objective
    )
      throws(Failure) -> GradientBoostedTrees
    {
      var p = parameters
      p.objective = objective
      do {
        return try GBDTTrainer(parameters: p).train(
          features: features.selecting(rows: rows), labels: labels
        ).model
      } catch {
        throw Failure(description: "uplift fit: \(error.description)")
      }
    }
    guard !t.isEmpty, !c.isEmpty else {
      throw Failure(description: "the pilot needs treated and control rows")
    }
    let m1 = try fit(t, t.map { outcomes[$0] }, .binary)
    let m0 = try fit(c, c.map { outcomes[$0] }, .binary)
    self.learner = learner
    treated = TreeRowScorer(model: m1)
    control = TreeRowScorer(model: m0)
    treatedShare = Double(t.count) / Double(isTreated.count)
    guard learner == .x else {
      tauTreated = nil
      tauControl = nil
      return
    }
    // Imputed effects: D₁ = Y − μ̂₀(x) on the treated, D₀ = μ̂₁(x) − Y on the controls.
    let p1: [Double]
    let p0: [Double]
    do {
      p1 = try m1.probabilities(for: features.selecting(rows: c))
      p0 = try m0.probabilities(for: features.selecting(rows: t))
    } catch {
      throw Failure(description: "uplift fit: \(error.description)")
    }
    let d1 = zip(t, p0).map { outcomes[$0.0] - $0.1 }
    let d0 = zip(c, p1).map { $0.1 - outcomes[$0.0] }
    tauTreated = TreeRowScorer(model: try fit(t, d1, .regression))
    tauControl = TreeRowScorer(model: try fit(c, d0, .regression))
  }

  /// τ̂(x) for one row of numeric inputs (schema order, NaN missing).
  ///
  /// - Parameters:
  ///   - x: ``width`` inputs.
  ///   - bins: scratch for ``width`` bins.
  /// - Returns: the estimated uplift in probability.
  public func uplift(
    _ x: UnsafePointer<Double>, bins: UnsafeMutablePointer<UInt8>
  ) -> Double {
    if let tauTreated, let tauControl {
      // X-learner blend, g = the treated share of the randomised pilot.
      return treatedShare * tauControl.margin(x, bins: bins)
        + (1 - treatedShare) * tauTreated.margin(x, bins: bins)
    }
    return Logistic.sigmoid(treated.margin(x, bins: bins))
      - Logistic.sigmoid(control.margin(x, bins: bins))
  }

  /// μ̂₁(x): the treated outcome model's probability.
  public func treatedProbability(
    _ x: UnsafePointer<Double>, bins: UnsafeMutablePointer<UInt8>
  ) -> Double {
    Logistic.sigmoid(treated.margin(x, bins: bins))
  }
}
