/// Risk-based pricing of an instalment loan, as an annual percentage rate (a fraction).
///
/// Cost-plus: rate = funding cost (the benchmark rate) + expected loss (PD × LGD, annualised
/// over the PD's horizon) + operating cost + margin; then pulled toward the competitor's rate
/// by `competitorWeight`, and never above the regulatory APR cap.
public struct RiskBasedPricing: Sendable, Equatable {
  /// Operating cost, a fraction of principal a year.
  public var operatingCost: Double
  /// Target margin, a fraction of principal a year.
  public var margin: Double
  /// The competitor's APR the price is pulled toward, a fraction.
  public var competitorRate: Double
  /// Weight of the competitor's rate in [0, 1] (0: pure cost-plus).
  public var competitorWeight: Double
  /// The regulatory APR cap, a fraction (24% is common in China).
  public var aprCap: Double
  /// Loss given default, a fraction.
  public var lossGivenDefault: Double
  /// The months the PD covers (it is annualised by 12 ÷ months).
  public var pdHorizonMonths: Int
  /// Whether an applicant whose cost-plus rate exceeds the cap is declined (else lent at the cap).
  public var declineAboveCap: Bool

  /// Creates a pricing rule.
  public init(
    operatingCost: Double, margin: Double, competitorRate: Double,
    competitorWeight: Double, aprCap: Double, lossGivenDefault: Double,
    pdHorizonMonths: Int, declineAboveCap: Bool
  ) {
    self.operatingCost = operatingCost
    self.margin = margin
    self.competitorRate = competitorRate
    self.competitorWeight = competitorWeight
    self.aprCap = aprCap
    self.lossGivenDefault = lossGivenDefault
    self.pdHorizonMonths = pdHorizonMonths
    self.declineAboveCap = declineAboveCap
  }

  /// The cost-plus rate before the competitor pull and the cap.
  ///
  /// - Parameters:
  ///   - pd: probability of default over ``pdHorizonMonths``.
  ///   - fundingRate: the annual funding (benchmark) rate, a fraction.
  /// - Returns: the annual rate, a fraction.
  @inline(__always)
  public func costPlus(pd: Double, fundingRate: Double) -> Double {
    // Expected loss = PD × LGD, annualised.
    fundingRate + pd * lossGivenDefault * 12 / Double(pdHorizonMonths)
      + operatingCost + margin
  }

  /// The offered APR: cost-plus pulled toward the competitor, capped at `cap` (the lower of
  /// ``aprCap`` and any cap the macro path imposes).
  ///
  /// - Returns: the rate, or nil when the cost-plus rate exceeds the cap and
  ///   ``declineAboveCap`` is set.
  @inline(__always)
  public func rate(pd: Double, fundingRate: Double, cap: Double) -> Double? {
    let c = costPlus(pd: pd, fundingRate: fundingRate)
    if c > cap, declineAboveCap { return nil }
    let pulled = (1 - competitorWeight) * c + competitorWeight * competitorRate
    return Swift.min(Swift.max(pulled, 0), cap)
  }
}
