import FenqiCore

/// A lender's roll-rate model: the monthly probability that a current balance misses, and that
/// a balance in each delinquency bucket rolls one bucket further (net of cures: what does not
/// roll cures or pays off) — the net-flow roll-rate forecast of consumer-credit provisioning.
///
/// Buckets are months past due 0 (current), 1 (1–30 DPD), …, K − 1; rolling out of bucket K − 1
/// is the charge-off. Under a scenario every rate's probit moves by the month's shift δ:
/// Φ(Φ⁻¹(rate) + δ) (the Vasicek mean-path form, δ = −√ρ·Δd for a drift change Δd).
public struct RollRateForecast: Sendable, Equatable {
  /// Monthly probability that a current balance misses (moves to 1–30 DPD).
  public var miss: Double
  /// Monthly flow rate out of bucket k + 1 into the next (index 0: 1–30 → 31–60, …; the last
  /// is the flow to charge-off).
  public var flows: [Double]

  /// Creates a forecast.
  public init(miss: Double, flows: [Double]) {
    self.miss = miss
    self.flows = flows
  }

  /// The number of delinquency buckets before charge-off, K.
  public var chargeOffMonths: Int { flows.count + 1 }

  /// The cumulative probability of charge-off within 1…`months` months, from bucket `d`, under
  /// probit shifts `shift[m]` for forward month m + 1 (the last shift holds beyond the array).
  ///
  /// - Returns: `months` values, non-decreasing; from d ≥ K all ones.
  public func termStructure(fromBucket d: Int, months: Int, shift: [Double])
    -> [Double]
  {
    let k = chargeOffMonths
    guard d < k else { return [Double](repeating: 1, count: months) }
    var p = [Double](repeating: 0, count: k + 1)
    p[d] = 1
    var out: [Double] = []
    out.reserveCapacity(months)
    for m in 0..<months {
      let delta = shift.isEmpty ? 0 : shift[Swift.min(m, shift.count - 1)]
      let missNow = Self.shifted(miss, delta)
      var q = [Double](repeating: 0, count: k + 1)
      q[k] = p[k]
      q[0] += p[0] * (1 - missNow)
      q[1] += p[0] * missNow
      for b in 1..<k {
        let f = Self.shifted(flows[b - 1], delta)
        q[b + 1] += p[b] * f
        // Net flow: what does not roll leaves the delinquent buckets as cured.
        q[0] += p[b] * (1 - f)
      }
      p = q
      out.append(p[k])
    }
    return out
  }

  /// Φ(Φ⁻¹(rate) + δ), with 0 and 1 kept.
  static func shifted(_ rate: Double, _ delta: Double) -> Double {
    guard rate > 0 else { return 0 }
    guard rate < 1 else { return 1 }
    // Vasicek mean-path form of a drift change.
    return Normal.cdf(Normal.quantile(rate) + delta)
  }

  /// The lender's estimate from its book in consecutive months: each rate is the pooled ratio
  /// Σ balance(k + 1, t) ÷ Σ balance(k, t − 1) over the months given (the MIS roll rate), the
  /// last one the month's charged-off principal over the last bucket's balance a month before.
  ///
  /// - Parameter rows: per month, the balances of buckets 0…K − 1 then the principal charged
  ///   off in the month (K + 1 values).
  /// - Returns: nil with fewer than two months, K < 2 or an empty bucket.
  public static func estimated(from rows: [[Double]]) -> RollRateForecast? {
    guard rows.count >= 2, let width = rows.first?.count, width >= 3 else {
      return nil
    }
    let k = width - 1
    var num = [Double](repeating: 0, count: k)
    var den = [Double](repeating: 0, count: k)
    for t in 1..<rows.count {
      for b in 0..<k {
        den[b] += rows[t - 1][b]
        num[b] += rows[t][b + 1]
      }
    }
    guard den.allSatisfy({ $0 > 0 }) else { return nil }
    let rates = (0..<k).map { Swift.min(1, num[$0] / den[$0]) }
    return RollRateForecast(miss: rates[0], flows: Array(rates[1...]))
  }
}
