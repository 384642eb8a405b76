/// Orders evaluations of a constrained problem without a penalty weight: Deb's feasibility
/// rules (Deb 2000, "An efficient constraint handling method for genetic algorithms").
///
/// 1. A feasible evaluation beats an infeasible one.
/// 2. Two feasible evaluations compare by objective, the larger first.
/// 3. Two infeasible evaluations compare by ``Evaluation/totalViolation``, the smaller first —
///    so the caller should scale each constraint's violation (e.g. as a fraction of its limit).
///
/// An evaluation whose objective is not finite (NaN or ±∞: a failed or broken simulation) ranks
/// below all others, feasible or not, and such evaluations tie with each other. The rules need
/// no weight between objective and constraints, which matters here: the objective is in yuan and
/// the constraints in rates, and only ranks reach CMA-ES.
public enum FeasibilityRanking {
  /// The rank class: feasible, infeasible, failed (lower is better).
  static func tier(_ e: Evaluation) -> Int {
    guard e.hasFiniteObjective else { return 2 }
    return e.isFeasible ? 0 : 1
  }

  /// Whether `a` ranks strictly before `b`.
  public static func isBetter(_ a: Evaluation, than b: Evaluation) -> Bool {
    let (ta, tb) = (tier(a), tier(b))
    if ta != tb { return ta < tb }
    switch ta {
    case 0: return a.objective > b.objective
    case 1: return a.totalViolation < b.totalViolation
    default: return false
    }
  }

  /// The indices of `evaluations`, best first; ties keep their order in `evaluations`.
  ///
  /// - Complexity: O(n log n).
  public static func order(_ evaluations: [Evaluation]) -> [Int] {
    evaluations.indices.sorted { i, j in
      if isBetter(evaluations[i], than: evaluations[j]) { return true }
      if isBetter(evaluations[j], than: evaluations[i]) { return false }
      return i < j
    }
  }
}
