/// Charge-offs broken down for vintage curves and segment reports.
///
/// Vintage cell (arm, origination period, months on book) holds the principal charged off in
/// that month of that vintage; months beyond ``horizon`` are not tracked. Segment cell (arm,
/// segment) holds the count and principal charged off over the run. Money in yuan.
public struct ChargeOffLedger: Sendable, Equatable {
  /// Arms tracked.
  public let arms: Int
  /// Segments tracked.
  public let segments: Int
  /// Origination periods and months on book tracked (1…horizon each).
  public let horizon: Int
  /// Principal charged off, flat: ((arm · horizon) + origin − 1) · horizon + monthsOnBook − 1.
  public private(set) var vintagePrincipal: [Double]
  /// Loans charged off per (arm · segments + segment).
  public private(set) var segmentCount: [Double]
  /// Principal charged off per (arm · segments + segment).
  public private(set) var segmentPrincipal: [Double]

  /// Creates an empty ledger.
  public init(arms: Int, segments: Int, horizon: Int) {
    self.arms = arms
    self.segments = segments
    self.horizon = max(0, horizon)
    vintagePrincipal = .init(
      repeating: 0, count: arms * self.horizon * self.horizon)
    segmentCount = .init(repeating: 0, count: arms * segments)
    segmentPrincipal = .init(repeating: 0, count: arms * segments)
  }

  /// Records one charge-off.
  ///
  /// - Parameters:
  ///   - arm: the loan's arm.
  ///   - segment: the borrower's segment.
  ///   - origin: the 1-based period the loan was booked in.
  ///   - period: the 1-based period of the charge-off.
  ///   - principal: the principal written off, yuan.
  @inline(__always)
  public mutating func record(
    arm: Int, segment: Int, origin: Int, period: Int, principal: Double
  ) {
    if segment < segments {
      segmentCount[arm * segments + segment] += 1
      segmentPrincipal[arm * segments + segment] += principal
    }
    let monthsOnBook = period - origin
    if origin >= 1, origin <= horizon, monthsOnBook >= 1,
      monthsOnBook <= horizon
    {
      vintagePrincipal[
        ((arm * horizon) + origin - 1) * horizon + monthsOnBook - 1] +=
        principal
    }
  }

  /// The principal charged off in month `monthsOnBook` of vintage `origin` (both 1-based).
  public func principal(arm: Int, origin: Int, monthsOnBook: Int) -> Double {
    guard origin >= 1, origin <= horizon, monthsOnBook >= 1,
      monthsOnBook <= horizon
    else { return 0 }
    return vintagePrincipal[
      ((arm * horizon) + origin - 1) * horizon + monthsOnBook - 1]
  }

  /// Adds another ledger of the same shape.
  public mutating func add(_ other: ChargeOffLedger) {
    precondition(
      other.arms == arms && other.segments == segments
        && other.horizon == horizon,
      "ledger shapes differ: \(arms)×\(segments)×\(horizon) vs \(other.arms)×\(other.segments)×\(other.horizon)"
    )
    for i in vintagePrincipal.indices {
      vintagePrincipal[i] += other.vintagePrincipal[i]
    }
    for i in segmentCount.indices {
      segmentCount[i] += other.segmentCount[i]
      segmentPrincipal[i] += other.segmentPrincipal[i]
    }
  }
}
