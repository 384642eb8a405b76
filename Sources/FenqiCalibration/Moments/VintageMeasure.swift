/// A vintage curve: a share by month on book, over the loans observable to that month.
public enum VintageMeasure: String, Sendable, CaseIterable {
  /// `ever30`: the share of loans that reached 31-60 days past due or worse by month k.
  case ever30
  /// `ever90`: the share of loans that reached 90+ days past due by month k.
  case ever90
  /// `chargeOff`: principal charged off by month k ÷ principal originated (a fraction of yuan).
  case chargeOff
  /// `prepaid`: the share of loans settled early by month k.
  case prepaid

  /// The name's first part (`ever30`, …).
  public var name: String { rawValue }
}
