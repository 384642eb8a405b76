/// Charge-offs broken down for vintage curves and segment reports.
///
/// Vintage cell (arm, origination period, months on book) holds the principal charged off in
/// that month of that vintage; months beyond ``horizon`` are not tracked. Segment cell (arm,
/// segment) holds the count and principal charged off over the run. Each vintage cell also holds
/// the balance still open at the month's end, in total and 30+, 60+ and 90+ days past due (the
/// vintage triangle), and each arm counts its loans' monthly moves between delinquency buckets
/// (the roll-rate matrix). Money in yuan.
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
  /// Open balance at month end per vintage cell and ``balanceLevels`` level (all, 30+, 60+, 90+
  /// days past due), flat: vintage cell index · 4 + level.
  public private(set) var vintageBalance: [Double]
  /// Loan-months per arm, bucket at the month's start (``rollFrom`` rows) and outcome at its end
  /// (``rollTo`` columns), flat: (arm · rollFrom + from) · rollTo + to.
  public private(set) var rolls: [Double]

  /// Balance levels of a vintage cell: all open principal, then 30+, 60+ and 90+ days past due.
  public static let balanceLevels = 4
  /// Buckets a month starts in: current, 1–30, 31–60, 61–90, 90+ days past due.
  public static let rollFrom = 5
  /// Outcomes of a month: the five buckets, then charged off, then closed (repaid or prepaid).
  public static let rollTo = 7

  /// Creates an empty ledger.
  public init(arms: Int, segments: Int, horizon: Int) {
    self.arms = arms
    self.segments = segments
    self.horizon = max(0, horizon)
    vintagePrincipal = .init(
      repeating: 0, count: arms * self.horizon * self.horizon)
    segmentCount = .init(repeating: 0, count: arms * segments)
    segmentPrincipal = .init(repeating: 0, count: arms * segments)
    vintageBalance = .init(
      repeating: 0,
      count: arms * self.horizon * self.horizon * Self.balanceLevels)
    rolls = .init(
      repeating: 0,
      count: self.horizon > 0 ? arms * Self.rollFrom * Self.rollTo : 0)
  }

  /// Records a loan still open at the end of `period` with `principal` outstanding and
  /// `monthsPastDue` (1 = 1–30 days, 2 = 31–60, 3 = 61–90, 4+ = 90+ days past due).
  @inline(__always)
  public mutating func recordBalance(
    arm: Int, origin: Int, period: Int, principal: Double, monthsPastDue: UInt8
  ) {
    let monthsOnBook = period - origin
    guard origin >= 1, origin <= horizon, monthsOnBook >= 1,
      monthsOnBook <= horizon
    else { return }
    let cell =
      (((arm * horizon) + origin - 1) * horizon + monthsOnBook - 1)
      * Self.balanceLevels
    vintageBalance[cell] += principal
    // 30+ days past due is two months or more (31+ days), 60+ three, 90+ four.
    for level in 1..<Self.balanceLevels where Int(monthsPastDue) > level {
      vintageBalance[cell + level] += principal
    }
  }

  /// Records one loan's month in the roll-rate matrix.
  ///
  /// From the bucket of `fromMonthsPastDue` to outcome `to` (0…4 the bucket at the month's end,
  /// 5 charged off, 6 closed). Not kept by a ledger without a horizon.
  @inline(__always)
  public mutating func recordRoll(arm: Int, fromMonthsPastDue: UInt8, to: Int) {
    guard !rolls.isEmpty else { return }
    let from = Int(Swift.min(fromMonthsPastDue, 4))
    rolls[(arm * Self.rollFrom + from) * Self.rollTo + to] += 1
  }

  /// The open balance of a vintage cell at `level` (0 all, 1 30+, 2 60+, 3 90+ days past due).
  public func balance(arm: Int, origin: Int, monthsOnBook: Int, level: Int)
    -> Double
  {
    guard origin >= 1, origin <= horizon, monthsOnBook >= 1,
      monthsOnBook <= horizon
    else { return 0 }
    return vintageBalance[
      (((arm * horizon) + origin - 1) * horizon + monthsOnBook - 1)
        * Self.balanceLevels + level]
  }

  /// Loan-months of `arm` that started the month in bucket `from` and ended it in outcome `to`.
  public func rollCount(arm: Int, from: Int, to: Int) -> Double {
    rolls.isEmpty ? 0 : rolls[(arm * Self.rollFrom + from) * Self.rollTo + to]
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
    for i in vintageBalance.indices {
      vintageBalance[i] += other.vintageBalance[i]
    }
    for i in rolls.indices { rolls[i] += other.rolls[i] }
  }
}
