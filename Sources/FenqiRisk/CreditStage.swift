/// IFRS 9 impairment stages by the days-past-due backstops.
///
/// Stage 1: performing (0–30 DPD) — 12-month expected credit loss; stage 2: significant increase
/// in credit risk (31–90 DPD, the 30-day backstop) — lifetime ECL; stage 3: credit-impaired
/// (more than 90 DPD, the 90-day backstop) — lifetime ECL with default certain.
public enum CreditStage: Int, Sendable, CaseIterable {
  /// Performing.
  case one = 1
  /// Significant increase in credit risk.
  case two = 2
  /// Credit-impaired.
  case three = 3

  /// The stage of a loan `monthsPastDue` months past due (0 current, 1 = 1–30 DPD, …).
  public init(monthsPastDue d: UInt8) {
    switch d {
    case 0, 1: self = .one
    case 2, 3: self = .two
    default: self = .three
    }
  }
}
