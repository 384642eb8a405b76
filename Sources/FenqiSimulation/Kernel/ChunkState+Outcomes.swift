import FenqiCore
import FenqiCredit
import FenqiPopulation
import Foundation

/// Per-customer outcomes of a chunk for customer-level experiment metrics (yuan and counts).
struct CustomerOutcomes: Sendable {
  var applications: [Float]
  var bookings: [Float]
  var gmv: [Float]
  var bookedPrincipal: [Float]
  /// Pre-experiment spend (the CUPED covariate); empty without pre-periods.
  var preSpend: [Float] = []
  /// Scratch: each customer's balance and balance more than 30 days past due at a snapshot.
  var balance: [Float]
  var lateBalance: [Float]

  /// Bytes per customer of the columns every tracked chunk keeps (applications to late
  /// balance); ``preSpend`` adds 4 with pre-periods.
  static let bytesPerCustomer = 6 * 4

  init(count: Int) {
    applications = .init(repeating: 0, count: count)
    bookings = .init(repeating: 0, count: count)
    gmv = .init(repeating: 0, count: count)
    bookedPrincipal = .init(repeating: 0, count: count)
    balance = .init(repeating: 0, count: count)
    lateBalance = .init(repeating: 0, count: count)
  }

  /// Each customer's purchases over the pre-experiment months: needs at the segment's rate, prices
  /// from its distribution, drawn from their own streams so the experiment's draws are untouched.
  static func preSpend(_ c: CustomerColumns, tables t: EngineTables) -> [Float]
  {
    let multiplier =
      t.needHeterogeneity.contains(where: { $0 > 0 })
      ? needMultipliers(c, tables: t) : []
    var out = [Float](repeating: 0, count: c.count)
    for month in 1...t.prePeriods {
      let family = StreamFamily(
        seed: t.seed, period: UInt32(month), purpose: .preExperimentSpend)
      for i in 0..<c.count {
        let s = family.stream(for: UInt64(c.firstIndex + i))
        let seg = Int(c.segment[i])
        let rate =
          multiplier.isEmpty
          ? t.needRate[seg] : t.needRate[seg] * Double(multiplier[i])
        guard s.uniform(at: 0) < rate else { continue }
        out[i] += Float(
          t.price(
            segment: seg, income: c.monthlyIncome[i],
            normal: Normal.quantile(s.openUniform(at: 1))))
      }
    }
    return out
  }
}

extension CustomerOutcomes {
  /// Each customer's persistent need multiplier exp(h·w − h²/2) (mean 1), w ~ N(0, 1) from the
  /// customer's own stream.
  static func needMultipliers(_ c: CustomerColumns, tables t: EngineTables)
    -> [Float]
  {
    let family = StreamFamily(seed: t.seed, period: 0, purpose: .needPropensity)
    return (0..<c.count).map { i in
      let h = t.needHeterogeneity[Int(c.segment[i])]
      guard h > 0 else { return 1 }
      let w = Normal.quantile(
        family.stream(for: UInt64(c.firstIndex + i)).openUniform(at: 0))
      return Float(exp(h * w - h * h / 2))
    }
  }
}

extension ChunkState {
  /// Charges each loan's borrower the platform's cost of carrying it this month.
  ///
  /// At its arm's monthly rate: funding, and with co-lending the partner's yield less its
  /// guarantee fee.
  mutating func chargeCarryingCost(_ monthlyRate: [Double]) {
    for j in 0..<loans.count {
      customerLedger.income[Int(loans.customer[j])] -= Float(
        loans.principal[j] * monthlyRate[Int(loans.arm[j])])
    }
  }

  /// Customer `i`'s net income to the platform so far: income less the platform's share of
  /// the principal charged off (all of it without co-lending).
  @inline(__always)
  mutating func customerNet(_ i: Int, tables t: EngineTables) -> Double {
    let lost = Double(customerLedger.chargeOff[i])
    guard !t.platformLossShare.isEmpty else {
      return Double(customerLedger.income[i]) - lost
    }
    return Double(customerLedger.income[i])
      - lost * t.platformLossShare[Int(arm[i])]
  }

  /// The sums of every declared metric per arm over the chunk's customers (arm-major).
  mutating func snapshot(tables t: EngineTables) -> [MomentSums] {
    let n = customers.count
    for i in 0..<n {
      outcomes.balance[i] = 0
      outcomes.lateBalance[i] = 0
    }
    for j in 0..<loans.count {
      let c = Int(loans.customer[j])
      let principal = Float(loans.principal[j])
      outcomes.balance[c] += principal
      if loans.monthsPastDue[j] >= 2 { outcomes.lateBalance[c] += principal }
    }
    let metrics = t.metrics
    var sums = [MomentSums](
      repeating: MomentSums(), count: t.armCount * metrics.count)
    let hasCovariate = !outcomes.preSpend.isEmpty
    // Under cluster randomisation every metric is summed per community first (x = the community's
    // size for proportions and means), and the moments are taken over communities.
    let cluster = t.clusterSize
    var clusterY = [Double](
      repeating: 0, count: cluster > 0 ? metrics.count : 0)
    var clusterX = clusterY
    for i in 0..<n {
      let base = Int(arm[i]) * metrics.count
      let covariate = hasCovariate ? Double(outcomes.preSpend[i]) : 0
      for (m, metric) in metrics.enumerated() {
        let y: Double
        let x: Double
        switch metric {
        case .conversion: (y, x) = (outcomes.bookings[i] > 0 ? 1 : 0, 0)
        case .approvalRate:
          (y, x) = (
            Double(outcomes.bookings[i]), Double(outcomes.applications[i])
          )
        case .averageOrderValue:
          (y, x) = (
            Double(outcomes.bookedPrincipal[i]), Double(outcomes.bookings[i])
          )
        case .gmvPerCustomer: (y, x) = (Double(outcomes.gmv[i]), covariate)
        case .netIncomePerCustomer:
          (y, x) = (customerNet(i, tables: t), covariate)
        case .dpd30PlusRate:
          (y, x) = (
            Double(outcomes.lateBalance[i]), Double(outcomes.balance[i])
          )
        case .badDebtRate:
          (y, x) = (
            Double(customerLedger.chargeOff[i]),
            Double(outcomes.bookedPrincipal[i])
          )
        }
        if cluster > 0 {
          clusterY[m] += y
          clusterX[m] += metric.shape == .ratio ? x : 1
        } else {
          sums[base + m].add(y: y, x: x)
        }
      }
      if cluster > 0 {
        if (i + 1) % cluster == 0 || i == n - 1 {
          for m in metrics.indices {
            sums[base + m].add(y: clusterY[m], x: clusterX[m])
            clusterY[m] = 0
            clusterX[m] = 0
          }
        }
      }
    }
    return sums
  }

  /// Replaces the arm of every customer (stratified assignment) and recounts per-arm figures.
  mutating func reassign(_ arms: ArraySlice<UInt8>, tables: EngineTables) {
    arm = Array(arms)
    loans.reassignArms(arm)
    if let bt = tables.business { openLines(tables: bt) }
    customersPerArm = .init(repeating: 0, count: tables.armCount)
    for a in arm { customersPerArm[Int(a)] += 1 }
    let segments = tables.needRate.count
    for a in 0..<tables.armCount {
      for g in 0..<segments {
        segmentCounts[
          SegmentField.index(.customers, arm: a, segment: g, segments: segments)
        ] = 0
      }
    }
    for i in 0..<customers.count {
      segmentCounts[
        SegmentField.index(
          .customers, arm: Int(arm[i]), segment: Int(customers.segment[i]),
          segments: segments)] += 1
    }
  }
}
