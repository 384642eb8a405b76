/// Adjusting p-values across several metrics and arms.
public enum MultipleTesting {
  /// Holm's step-down adjusted p-values (family-wise error; Holm 1979), in the input order.
  public static func holm(_ p: [Double]) -> [Double] {
    let m = p.count
    let order = p.indices.sorted { (p[$0], $0) < (p[$1], $1) }
    var adjusted = [Double](repeating: 0, count: m)
    var running = 0.0
    for (rank, i) in order.enumerated() {
      running = max(running, min(1, Double(m - rank) * p[i]))
      adjusted[i] = running
    }
    return adjusted
  }

  /// Benjamini–Hochberg step-up adjusted p-values (false discovery rate; 1995), in the input order.
  public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
    let m = p.count
    let order = p.indices.sorted { (p[$0], $0) < (p[$1], $1) }
    var adjusted = [Double](repeating: 0, count: m)
    var running = 1.0
    for rank in stride(from: m - 1, through: 0, by: -1) {
      let i = order[rank]
      running = min(running, min(1, Double(m) / Double(rank + 1) * p[i]))
      adjusted[i] = running
    }
    return adjusted
  }
}
