import FenqiCredit
import FenqiSimulation

/// `roll_rates.csv`: the roll-rate matrix of each arm over the run.
public enum CreditTables {
  /// The buckets a month starts in, as written in `roll_rates.csv`.
  public static let fromBuckets = [
    "current", "dpd_1_30", "dpd_31_60", "dpd_61_90", "dpd_90_plus",
  ]
  /// The outcomes of a month: the buckets, then charged off and closed (repaid or prepaid).
  public static let toOutcomes = fromBuckets + ["charged_off", "closed"]

  /// One row per arm × starting bucket × outcome, over every month of the run.
  ///
  /// Loan-months and their share of the loan-months that started in the bucket (empty when none
  /// did).
  public static func rollRates(_ r: RunResult) -> CSVTable {
    var t = CSVTable(header: [
      "arm", "from_bucket", "to_bucket", "loan_months", "share",
    ])
    for (a, arm) in r.scenario.arms.enumerated() {
      for (f, from) in fromBuckets.enumerated() {
        let counts = toOutcomes.indices.map {
          r.ledger.rollCount(arm: a, from: f, to: $0)
        }
        let total = counts.reduce(0, +)
        for (k, to) in toOutcomes.enumerated() {
          t.append(
            [CSVTable.cell(arm.name), from, to]
              + [counts[k], total > 0 ? counts[k] / total : .nan].map(
                CSVTable.cell))
        }
      }
    }
    return t
  }
}
