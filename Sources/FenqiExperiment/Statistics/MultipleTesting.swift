/// Adjusting p-values across several metrics and arms.
///
/// A p-value that is NaN (a test that was not computable) or outside [0, 1] is left out of the
/// family: it makes no decision, so it does not count towards m, and its adjusted value is NaN.
public enum MultipleTesting {
  /// Holm's step-down adjusted p-values (family-wise error; Holm 1979), in the input order.
  public static func holm(_ p: [Double]) -> [Double] {
    let family = p.indices.filter { p[$0] >= 0 && p[$0] <= 1 }
    let m = family.count
    let order = family.sorted { (p[$0], $0) < (p[$1], $1) }
    var adjusted = [Double](repeating: .nan, count: p.count)
    var running = 0.0
    for (rank, i) in order.enumerated() {
      running = max(running, min(1, Double(m - rank) * p[i]))
      adjusted[i] = running
    }
    return adjusted
  }

  /// Benjamini–Hochberg step-up adjusted p-values (false discovery rate; 1995), in the input order.
  public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
    let family = p.indices.filter { p[$0] >= 0 && p[$0] <= 1 }
    let m = family.count
    let order = family.sorted { (p[$0], $0) < (p[$1], $1) }
    var adjusted = [Double](repeating: .nan, count: p.count)
    var running = 1.0
    for rank in stride(from: m - 1, through: 0, by: -1) {
      let i = order[rank]
      running = min(running, min(1, Double(m) / Double(rank + 1) * p[i]))
      adjusted[i] = running
    }
    return adjusted
  }
}
