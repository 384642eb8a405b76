import FenqiCore
import FenqiRisk
import Foundation

/// Monte-Carlo calibration of the approval threshold: the most lenient PD cut-off whose
/// portfolio loss rate at each confidence level stays within the risk appetite.
///
/// The candidate book is the recent applicants' PD distribution with their amounts (a
/// ``ScoreHistogram``). For each draw Z of the systematic factor every bin's PD becomes its
/// Vasicek one-factor conditional PD, Φ((Φ⁻¹(PD) − √ρ·Z)/√(1 − ρ)); approving the bins up to a
/// cut-off gives a loss rate Σ amount·LGD·PD(Z) ÷ Σ amount. The chosen threshold is the upper
/// edge of the highest bin whose loss-rate quantile at every confidence level is within its
/// appetite.
public struct ThresholdCalibrator: Sendable, Equatable {
  /// Confidence levels such as 0.95 and 0.99.
  public var confidence: [Double]
  /// The largest acceptable loss rate at each confidence level (fractions of principal).
  public var appetite: [Double]
  /// Asset correlation ρ.
  public var rho: Double
  /// Loss given default.
  public var lossGivenDefault: Double
  /// Monte-Carlo draws of the systematic factor.
  public var draws: Int

  /// Creates a calibrator.
  public init(
    confidence: [Double], appetite: [Double], rho: Double,
    lossGivenDefault: Double, draws: Int
  ) {
    self.confidence = confidence
    self.appetite = appetite
    self.rho = rho
    self.lossGivenDefault = lossGivenDefault
    self.draws = draws
  }

  /// The outcome of one calibration.
  public struct Choice: Sendable, Equatable {
    /// The PD threshold: approve at or below it.
    public var threshold: Double
    /// The simulated loss rate at each confidence level for the chosen cut-off.
    public var lossRate: [Double]
  }

  /// Calibrates on `book`'s amounts per PD bin.
  ///
  /// - Parameters:
  ///   - book: recent applicants' PDs with amounts (``ScoreHistogram/amount``).
  ///   - seed: the run's seed.
  ///   - period: the period calibrated for (keys the factor draws).
  /// - Returns: the choice, or nil when the book is empty.
  public func calibrate(book: ScoreHistogram, seed: UInt64, period: Int)
    -> Choice?
  {
    let bins = (0..<ScoreHistogram.bins).filter { book.amount[$0] > 0 }
    guard !bins.isEmpty else { return nil }
    let stream = StreamFamily(
      seed: seed, period: UInt32(period), purpose: .thresholdCalibration
    ).stream(for: 0)
    let sqrtRho = rho.squareRoot()
    let inverse = 1 / (1 - rho).squareRoot()
    let quantiles = bins.map {
      Normal.quantile(ScoreHistogram.midpoint($0))
    }
    // rates[k][d]: loss rate of the book cut after bins[k], draw d.
    var rates = [[Double]](
      repeating: [Double](repeating: 0, count: draws), count: bins.count)
    for d in 0..<draws {
      let z = Normal.quantile(stream.openUniform(at: UInt64(d)))
      var loss = 0.0
      var amount = 0.0
      for (k, b) in bins.enumerated() {
        // Vasicek one-factor conditional PD.
        let pd = Vasicek.conditional(
          quantile: quantiles[k], sqrtRho: sqrtRho,
          inverseSqrtComplement: inverse, z: z)
        loss += book.amount[b] * lossGivenDefault * pd
        amount += book.amount[b]
        rates[k][d] = loss / amount
      }
    }
    var best: Choice? = nil
    for k in bins.indices {
      rates[k].sort()
      let q = confidence.map { c in
        rates[k][
          Swift.min(draws - 1, Int((c * Double(draws)).rounded(.up)) - 1)]
      }
      if zip(q, appetite).allSatisfy({ $0 <= $1 }) {
        best = Choice(
          threshold: ScoreHistogram.upperEdge(bins[k]), lossRate: q)
      }
    }
    return best
      ?? Choice(
        threshold: 1 / (1 + exp(10)),
        lossRate: confidence.map { _ in .nan })
  }
}
