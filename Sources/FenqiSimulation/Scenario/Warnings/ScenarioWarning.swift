/// A degenerate outcome that a quick run of a valid scenario reveals: the scenario runs, but
/// something it was written to compare is missing (no bookings, no losses, an empty arm).
///
/// `fenqi validate` prints these as `warning: …` and still exits 0; ``QuickRun`` finds them.
public enum ScenarioWarning: Sendable, Equatable {
  /// An arm with allocation 0: nobody is ever assigned to it.
  case unallocatedArm(arm: String)
  /// An arm with a positive allocation that no customer (or, with cluster randomisation, no
  /// community) of the quick run was assigned to, and that the full population, too, gives less
  /// than one unit: an experiment arm with no units.
  case emptyArm(arm: String)
  /// An arm whose channels, campaign or targeting policy contacted nobody.
  case neverContacted(arm: String)
  /// An arm with customers (and contacts) that booked no loan, where the other arms' booking
  /// rate per customer predicts at least ``QuickRun/expectedCountToWarn`` (or they booked none
  /// either, or there are none).
  case noBookings(arm: String)
  /// No loan was charged off or disputed in the whole run: loss-based figures are all zero.
  ///
  /// `shortWindow` is set when the run ends before a loan booked in it could reach charge-off
  /// (no seasoned book, no run-off, and fewer months than the charge-off point plus one).
  case noCreditLosses(chargeOffDaysPastDue: Int, shortWindow: Bool)
  /// An arm that booked `loans` loans (its seasoned loans included) and lost none, where the
  /// other arms' loss rate predicts `expected` (at least ``QuickRun/expectedCountToWarn``).
  case noLossesInArm(arm: String, loans: Int, expected: Double)

  /// The warning in words (without the `warning: ` prefix).
  public var message: String {
    switch self {
    case .unallocatedArm(let arm):
      return "arm \(quoted(arm)) has allocation 0: nobody is assigned to it"
    case .emptyArm(let arm):
      return
        "arm \(quoted(arm)) got no customers: its allocation is too small for the population (or the experiment's cluster size)"
    case .neverContacted(let arm):
      return
        "arm \(quoted(arm)) contacted nobody: check its channels' contact probabilities, its campaign months or its targeting budget"
    case .noBookings(let arm):
      return
        "arm \(quoted(arm)) booked no loans: check its offer, approval rule and reach"
    case .noCreditLosses(let days, let shortWindow):
      let hint =
        shortWindow
        ? "; loans charge off at \(days) days past due, after the run ends: add \"horizon\": {\"runOff\": \"matured\"} or a seasoned book (\"seasoning\")"
        : ""
      return
        "no loan was charged off or disputed in the whole run: bad debt and credit losses are all zero\(hint)"
    case .noLossesInArm(let arm, let loans, let expected):
      let e = (expected * 10).rounded() / 10
      return
        "arm \(quoted(arm)) lost nothing on \(loans) loans, where the other arms' loss rate predicts \(e) charge-offs"
    }
  }

  /// The arm's name in double quotes, as JSON writes it.
  private func quoted(_ name: String) -> String { "\"\(name)\"" }
}
