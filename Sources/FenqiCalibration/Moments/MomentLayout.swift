import FenqiCredit

/// Which moments a tape supports, in the order they are written, and how each is read off a
/// replicate's ``MomentSums``.
///
/// Decided once from the plain estimate, so that every replicate gives the same list: vintage
/// months k = 1…K while at least `minimumCount` loans are observable to k; roll-matrix rows (and
/// cure rates) of buckets with at least `minimumCount` transitions out; the mean principal and
/// every term on the tape.
struct MomentLayout: Sendable {
  /// How one moment is computed.
  enum Source: Sendable {
    case vintage(VintageMeasure, month: Int)
    case roll(from: DelinquencyBucket, to: RollTarget)
    case cure(DelinquencyBucket)
    case principalMean
    case termShare(slot: Int)
  }

  /// The moments' names, in order.
  var names: [String] = []
  /// How each is computed.
  var sources: [Source] = []
  /// The units each is computed over (see ``Moment/count``).
  var counts: [Int] = []

  init(_ plain: MomentSums, summaries s: LoanSummaries, minimumCount: Int) {
    var months = 0
    while months + 1 < plain.observed.count,
      plain.observed[months + 1] >= Double(minimumCount)
    {
      months += 1
    }
    for measure in VintageMeasure.allCases {
      for k in stride(from: 1, through: months, by: 1) {
        add(
          MomentName.vintage(measure, month: k), .vintage(measure, month: k),
          plain.observed[k])
      }
    }
    var rows: [(DelinquencyBucket, Double)] = []
    for from in DelinquencyBucket.allCases {
      let n = Self.outOf(from, plain)
      if n >= Double(minimumCount) { rows.append((from, n)) }
    }
    for (from, n) in rows {
      for to in RollTarget.allCases {
        add(MomentName.roll(from: from, to: to), .roll(from: from, to: to), n)
      }
    }
    for (from, n) in rows where from != .current {
      add(MomentName.cure(from), .cure(from), n)
    }
    if plain.loans > 0 {
      add(MomentName.principalMean, .principalMean, plain.loans)
      for (slot, term) in s.terms.enumerated() {
        add(MomentName.termShare(term), .termShare(slot: slot), plain.loans)
      }
    }
  }

  private mutating func add(_ name: String, _ source: Source, _ count: Double) {
    names.append(name)
    sources.append(source)
    counts.append(Int(count))
  }

  /// The weighted transitions out of bucket `from`.
  static func outOf(_ from: DelinquencyBucket, _ sums: MomentSums) -> Double {
    let base = Int(from.rawValue) * RollTarget.allCases.count
    var n = 0.0
    for t in 0..<RollTarget.allCases.count { n += sums.transitions[base + t] }
    return n
  }

  /// Every moment's value from one replicate's sums; NaN where a replicate leaves a
  /// denominator empty.
  func values(_ sums: MomentSums) -> [Double] {
    var out = [Double](repeating: .nan, count: sources.count)
    var rowTotals = [Double](
      repeating: 0, count: DelinquencyBucket.allCases.count)
    for b in DelinquencyBucket.allCases {
      rowTotals[Int(b.rawValue)] = Self.outOf(b, sums)
    }
    func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
    let targets = RollTarget.allCases.count
    for (j, source) in sources.enumerated() {
      switch source {
      case .vintage(let measure, let k):
        // Vintage analysis over the cohort at risk to k: loans censored by the observation
        // window leave numerator and denominator together (MIS vintage curves; Siddiqi 2017,
        // Intelligent Credit Scoring, 2nd ed.).
        switch measure {
        case .ever30: out[j] = ratio(sums.ever30[k], sums.observed[k])
        case .ever90: out[j] = ratio(sums.ever90[k], sums.observed[k])
        case .prepaid: out[j] = ratio(sums.prepaid[k], sums.observed[k])
        case .chargeOff:
          out[j] = ratio(sums.chargedOff[k], sums.originated[k])
        }
      case .roll(let from, let to):
        // Row-normalised one-month transition counts: the maximum-likelihood Markov-chain
        // estimate of the delinquency matrix (Anderson & Goodman 1957).
        let f = Int(from.rawValue)
        out[j] = ratio(
          sums.transitions[f * targets + Int(to.rawValue)], rowTotals[f])
      case .cure(let from):
        let f = Int(from.rawValue)
        out[j] = ratio(
          sums.transitions[f * targets + Int(RollTarget.current.rawValue)],
          rowTotals[f])
      case .principalMean:
        out[j] = ratio(sums.principal, sums.loans)
      case .termShare(let slot):
        out[j] = ratio(sums.terms[slot], sums.loans)
      }
    }
    return out
  }
}
