/// The weighted sums behind every moment, for one bootstrap replicate (or the plain estimate,
/// every weight 1).
///
/// Vintage sums are kept as difference arrays over months on book while loans are added (a loan
/// counts from the month of its event to the last month it is observed), then turned into
/// running totals by ``finish()``: O(1) per loan and O(months) per replicate.
struct MomentSums {
  /// Weighted loans observable to month k.
  var observed: [Double]
  /// Weighted loans observable to k that reached 31-60 or worse by k.
  var ever30: [Double]
  /// … that reached 90+ by k.
  var ever90: [Double]
  /// … that prepaid by k.
  var prepaid: [Double]
  /// Weighted principal charged off by k, of loans observable to k, yuan.
  var chargedOff: [Double]
  /// Weighted principal originated, of loans observable to k, yuan.
  var originated: [Double]
  /// Weighted transitions per roll-matrix cell.
  var transitions: [Double]
  /// Weighted principal, yuan.
  var principal = 0.0
  /// Weighted loans.
  var loans = 0.0
  /// Weighted loans per term slot.
  var terms: [Double]

  init(months: Int, terms termCount: Int) {
    let n = months + 2
    observed = [Double](repeating: 0, count: n)
    ever30 = observed
    ever90 = observed
    prepaid = observed
    chargedOff = observed
    originated = observed
    transitions = [Double](repeating: 0, count: LoanSummaries.cells)
    terms = [Double](repeating: 0, count: termCount)
  }

  /// Adds loan `i` with weight `w` > 0.
  @inline(__always)
  mutating func add(_ s: LoanSummaries, loan i: Int, weight w: Double) {
    let end = Int(s.observedTo[i]) + 1
    observed[1] += w
    observed[end] -= w
    let p = s.principal[i]
    originated[1] += w * p
    originated[end] -= w * p
    principal += w * p
    loans += w
    terms[Int(s.termSlot[i])] += w
    let f30 = Int(s.first30[i])
    if f30 > 0 {
      ever30[f30] += w
      ever30[end] -= w
    }
    let f90 = Int(s.first90[i])
    if f90 > 0 {
      ever90[f90] += w
      ever90[end] -= w
    }
    let pre = Int(s.prepaidAt[i])
    if pre > 0 {
      prepaid[pre] += w
      prepaid[end] -= w
    }
    for e in Int(s.chargeOffStart[i])..<Int(s.chargeOffStart[i + 1]) {
      let amount = w * s.chargeOffAmount[e]
      chargedOff[Int(s.chargeOffMonth[e])] += amount
      chargedOff[end] -= amount
    }
    for t in Int(s.transitionStart[i])..<Int(s.transitionStart[i + 1]) {
      transitions[Int(s.transitionCell[t])] += w * s.transitionCount[t]
    }
  }

  /// Turns the difference arrays into totals by month (index k = month on book k).
  mutating func finish() {
    for k in 1..<observed.count {
      observed[k] += observed[k - 1]
      ever30[k] += ever30[k - 1]
      ever90[k] += ever90[k - 1]
      prepaid[k] += prepaid[k - 1]
      chargedOff[k] += chargedOff[k - 1]
      originated[k] += originated[k - 1]
    }
  }

  /// The sums of one replicate: every loan with its Poisson weight (`weights`), or weight 1
  /// when `weights` is nil.
  static func of(_ s: LoanSummaries, weights: [UInt8]?) -> MomentSums {
    var sums = MomentSums(months: s.months, terms: s.terms.count)
    if let weights {
      for i in 0..<s.count where weights[i] > 0 {
        sums.add(s, loan: i, weight: Double(weights[i]))
      }
    } else {
      for i in 0..<s.count { sums.add(s, loan: i, weight: 1) }
    }
    sums.finish()
    return sums
  }
}
