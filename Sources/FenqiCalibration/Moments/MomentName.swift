import FenqiCredit

/// The names of the moments, one scheme for the file, the tape and the calibration.
///
/// | Name | Value |
/// |---|---|
/// | `ever30.mobKK`, `ever90.mobKK`, `chargeOff.mobKK`, `prepaid.mobKK` | a ``VintageMeasure`` at month on book KK (two digits at least: `mob03`, `mob12`, `mob100`) |
/// | `roll.FROM.TO` | the share of loans in bucket FROM that are in TO one month later (``RollTarget``) |
/// | `cure.FROM` | the share of loans in bucket FROM (`1-30` … `90+`) that are current one month later |
/// | `principal.mean` | the mean principal at origination, yuan |
/// | `term.T.share` | the share of loans with a term of T months |
/// | `book.NAME` | a whole-book figure of a run (``bookFigures``): not on a tape, but what a lender's
/// MIS or a public report states (approval rate, late-fee incidence, …) |
public enum MomentName {
  /// The whole-book figures a simulated run measures beside its tape's moments, pooled over arms
  /// (fractions), in this order: approvals ÷ applications; principal charged off ÷ principal
  /// booked over the run (on a seasoned, steady book, the lifetime loss rate of a year's
  /// originations: the CFPB's "charge-offs as a share of originations"); borrowers charged a
  /// late fee ÷ borrowers; late fees ÷ principal booked; principal charged off ÷ principal
  /// exposed (booked plus the opening balance); charged-off principal of hidden segments (a
  /// fraud ring) ÷ all charged-off principal.
  public static let bookFigures = [
    "approval_rate", "charge_offs_to_originations", "late_fee_borrower_share",
    "late_fees_share_of_financed", "charge_off_rate",
    "hidden_share_of_charge_offs",
  ]

  /// `book.approval_rate`.
  public static func book(_ figure: String) -> String { "book.\(figure)" }

  /// What a moment's value is, which the file reader checks.
  public enum Kind: Sendable, Equatable {
    /// A fraction in [0, 1].
    case share
    /// An amount of yuan > 0.
    case amount
  }

  /// `ever30.mob03`.
  public static func vintage(_ measure: VintageMeasure, month: Int) -> String {
    "\(measure.name).mob\(month < 10 ? "0" : "")\(month)"
  }

  /// `roll.1-30.31-60`.
  public static func roll(from: DelinquencyBucket, to: RollTarget) -> String {
    "roll.\(from.name).\(to.name)"
  }

  /// `cure.61-90`.
  public static func cure(_ from: DelinquencyBucket) -> String {
    "cure.\(from.name)"
  }

  /// `principal.mean`.
  public static let principalMean = "principal.mean"

  /// `term.12.share`.
  public static func termShare(_ termMonths: Int) -> String {
    "term.\(termMonths).share"
  }

  /// What `name` stands for, or nil when it is not a name of this scheme (or not spelled the
  /// canonical way; see ``canonical(_:)``).
  public static func kind(of name: String) -> Kind? {
    guard let c = canonical(name), c == name else { return nil }
    return name == principalMean ? .amount : .share
  }

  /// The canonical spelling of a name this scheme knows, reading month and term numbers
  /// loosely (`ever30.mob3` → `ever30.mob03`), or nil.
  public static func canonical(_ name: String) -> String? {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
      .map(String.init)
    switch parts.count {
    case 2:
      if name == principalMean { return name }
      if let measure = VintageMeasure(rawValue: parts[0]),
        parts[1].hasPrefix("mob"), let k = Int(parts[1].dropFirst(3)), k >= 1,
        parts[1].dropFirst(3).allSatisfy(\.isASCII)
      {
        return vintage(measure, month: k)
      }
      if parts[0] == "cure", let b = DelinquencyBucket(name: parts[1]),
        b != .current
      {
        return cure(b)
      }
      if parts[0] == "book", bookFigures.contains(parts[1]) { return name }
      return nil
    case 3:
      if parts[0] == "roll", let from = DelinquencyBucket(name: parts[1]),
        let to = RollTarget.allCases.first(where: { $0.name == parts[2] })
      {
        return roll(from: from, to: to)
      }
      if parts[0] == "term", parts[2] == "share", let t = Int(parts[1]),
        (1...60).contains(t), parts[1].allSatisfy(\.isASCII)
      {
        return termShare(t)
      }
      return nil
    default:
      return nil
    }
  }
}
