/// The probability that a loan is charged off within a horizon, from its monthly delinquency
/// transitions (the Markov chain of ``FenqiCredit/DelinquencyStateMachine``).
///
/// States are months past due 0 … K − 1 and the absorbing charge-off K: a current loan misses
/// with probability `miss`; a delinquent one cures with `cure`, else rolls one state with `roll`,
/// else stays.
public enum DefaultProbability {
  /// P(charged off within `months`) from state `monthsPastDue`.
  public static func within(
    months: Int, monthsPastDue d: Int, miss: Double, cure: Double, roll: Double,
    chargeOffMonths k: Int
  ) -> Double {
    guard d < k else { return 1 }
    guard months > 0 else { return 0 }
    precondition(k <= 7, "at most 7 delinquency states")
    // The distribution over states 0..<k and default (index k), without allocating.
    var p = SIMD8<Double>()
    p[d] = 1
    let rollOn = (1 - cure) * roll
    let stay = 1 - cure - rollOn
    for _ in 0..<months {
      var q = SIMD8<Double>()
      q[k] = p[k]
      q[0] = p[0] * (1 - miss)
      q[Swift.min(1, k)] += p[0] * miss
      if k > 1 {
        for s in 1..<k {
          q[0] += p[s] * cure
          q[s + 1] += p[s] * rollOn
          q[s] += p[s] * stay
        }
      }
      p = q
    }
    return p[k]
  }
}
