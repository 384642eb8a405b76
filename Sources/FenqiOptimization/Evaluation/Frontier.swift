/// The trade-off between the objective and one main constraint across evaluated plans: the
/// Pareto frontier, maximising the objective while minimising the constraint's value (a loss
/// rate, a budget).
///
/// A pair dominates another when its objective is at least as large and its constraint value at
/// most as large, one of them strictly. The frontier is the pairs no other pair dominates.
public enum Frontier {
  /// The indices of the non-dominated pairs, by constraint value ascending (so objectives
  /// ascend strictly too).
  ///
  /// Of two identical pairs only the first is kept; pairs with a NaN or infinite value are
  /// skipped. An empty input gives an empty frontier.
  ///
  /// - Parameter pairs: each evaluated plan's objective and main constraint value, in the
  ///   caller's units.
  /// - Returns: indices into `pairs`.
  /// - Complexity: O(n log n): a sort by constraint value, then one sweep keeping each pair
  ///   whose objective beats every cheaper pair's.
  public static func pareto(_ pairs: [(objective: Double, constraint: Double)])
    -> [Int]
  {
    let finite = pairs.indices.filter {
      pairs[$0].objective.isFinite && pairs[$0].constraint.isFinite
    }
    let sorted = finite.sorted { i, j in
      let (a, b) = (pairs[i], pairs[j])
      if a.constraint != b.constraint { return a.constraint < b.constraint }
      if a.objective != b.objective { return a.objective > b.objective }
      return i < j
    }
    var frontier: [Int] = []
    var bestObjective = -Double.infinity
    for i in sorted where pairs[i].objective > bestObjective {
      frontier.append(i)
      bestObjective = pairs[i].objective
    }
    return frontier
  }
}
