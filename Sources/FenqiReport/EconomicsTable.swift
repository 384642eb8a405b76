import FenqiExperiment

/// `economics.csv`: every treatment arm's incremental economics against the control, at the
/// window's end and over the lifetime, scaled to the whole population, with intervals over
/// replicates.
public enum EconomicsTable {
  /// The header.
  public static let header = [
    "arm", "control_arm", "horizon", "months", "item", "channel", "unit",
    "treatment", "control", "increment", "increment_per_customer", "ci_low",
    "ci_high", "probability_positive", "input", "replicates",
  ]

  /// The table of `rows`; an empty cell is a figure that does not apply (a ratio with a zero
  /// denominator, an interval from one replicate).
  public static func csv(_ rows: [EconomicsRow]) -> CSVTable {
    var t = CSVTable(header: header)
    for r in rows {
      t.append(
        [
          CSVTable.cell(r.arm), CSVTable.cell(r.control), r.horizon.rawValue,
          String(r.months), r.item.rawValue, CSVTable.cell(r.channel),
          r.item.unit,
        ]
          + [
            r.treatment, r.controlValue, r.increment, r.perCustomer, r.lower,
            r.upper, r.probabilityPositive, r.input,
          ].map { $0.isFinite ? CSVTable.cell($0) : "" } + [
            String(r.replicates)
          ])
    }
    return t
  }
}
