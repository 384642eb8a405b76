import FenqiCore
import FenqiCredit
import FenqiPopulation
import Foundation

/// The business layer resolved into flat tables once per run: category weights per segment and
/// month, category prices and terms per arm, shocks per month, merchants and line policies.
///
/// A reference type, so that the customer loop carries a pointer rather than copying the tables.
final class BusinessTables: Sendable {
  let settings: BusinessSettings
  let categoryCount: Int
  let periods: Int
  /// Per category: prepaid service (delivered over the term).
  let isPrepaid: [Bool]
  let priceMu: [Double]
  let priceSigma: [Double]
  /// logit(instalment propensity), added to the split utility.
  let propensityLogit: [Double]
  /// Cumulative category weights, index ((segment × (periods + 1)) + period) × categories + c.
  let categoryCumulative: [Double]
  /// The need multiplier of a segment in a period: the categories' mean seasonality and shocks.
  let needMultiplier: [Double]
  /// Per category: cumulative term weights.
  let termCumulative: [[Double]]
  /// Per arm × category × term slot: the arm's offer over the category's term.
  let categoryTerms: [PlanTerms]
  let maxTerms: Int
  /// Per category × period: the failure-hazard multiplier of its merchants.
  let failureMultiplier: [Double]
  /// Per firm sector × period (index sector × (periods + 1) + period; periods ≤ 0 read 1).
  let sectorRevenue: [Double]
  /// Per sector × calendar month: the unit seasonal cycle (see ``FirmProfile/cycle``).
  let sectorCycle: [Double]
  /// Per merchant slot (slot 0 = none): its category (−1 for slot 0).
  let merchantCategory: [Int]
  /// Per merchant slot: its share of its category's sales.
  let merchantWeight: [Double]
  /// Per category: its merchants' slots (empty: no merchant agents).
  let categorySlots: [Range<Int>]
  let isFirmSegment: [Bool]
  let firms: FirmSettings?
  /// Per arm: the line policy.
  let lines: [LineManagement?]
  /// Per arm: the recourse terms.
  let recourse: [RecourseTerms?]
  /// Per period (index = period): (1 + monthly rate)^−period.
  let discount: [Double]
  let hasMerchants: Bool
  let hasLines: Bool

  init(_ s: Scenario, settings b: BusinessSettings) {
    settings = b
    periods = s.periods
    let cats = b.categories
    let c = cats.count
    categoryCount = c
    isPrepaid = cats.map { $0.kind == .prepaidService }
    priceMu = cats.map { log($0.priceMedian) }
    priceSigma = cats.map(\.priceSigma)
    propensityLogit = cats.map {
      log($0.instalmentPropensity / (1 - $0.instalmentPropensity))
    }
    let p1 = s.periods + 1
    var failure = [Double](repeating: 1, count: c * p1)
    var revenueByCategory = [Double](repeating: 1, count: c * p1)
    let sectors = b.firms?.profile.sectors.count ?? 0
    var revenue = [Double](repeating: 1, count: sectors * p1)
    for shock in b.sectorShocks where shock.fromMonth <= s.periods {
      for t in shock.fromMonth...min(shock.toMonth, s.periods) {
        switch shock.target {
        case .category(let k):
          failure[k * p1 + t] *= shock.failureMultiplier
          revenueByCategory[k * p1 + t] *= shock.revenueFactor
        case .firmSector(let k):
          revenue[k * p1 + t] *= shock.revenueFactor
        }
      }
    }
    failureMultiplier = failure
    sectorRevenue = revenue
    sectorCycle = (b.firms?.profile.sectors ?? []).flatMap { sector in
      (0..<12).map {
        FirmProfile.cycle(peakMonth: sector.peakMonth, calendarMonth: $0)
      }
    }
    let segments = s.population.segments.count
    var cumulative = [Double](repeating: 0, count: segments * p1 * c)
    var multiplier = [Double](repeating: 0, count: segments * p1)
    for g in 0..<segments {
      let total = cats.reduce(0) { $0 + $1.needShare[g] }
      for t in 0..<p1 {
        let month = (s.startMonth - 1 + max(t, 1) - 1) % 12
        var running = 0.0
        for (k, cat) in cats.enumerated() {
          // Each category's share of the segment's needs, moved by its season and shocks.
          running +=
            cat.needShare[g] / total * cat.seasonality[month]
            * revenueByCategory[k * p1 + t]
          cumulative[(g * p1 + t) * c + k] = running
        }
        multiplier[g * p1 + t] = running
      }
    }
    categoryCumulative = cumulative
    needMultiplier = multiplier
    termCumulative = cats.map { cat in
      var running = 0.0
      return cat.termWeights.map {
        running += $0
        return running
      }
    }
    let maxTerms = cats.map(\.termMonths.count).max() ?? 1
    self.maxTerms = maxTerms
    var terms: [PlanTerms] = []
    for arm in s.arms {
      for cat in cats {
        for k in 0..<maxTerms {
          var product = arm.offer
          product.termMonths = cat.termMonths[min(k, cat.termMonths.count - 1)]
          product.interestFreePeriods = min(
            product.interestFreePeriods, product.termMonths)
          var t = Amortization.terms(of: product)
          // The category's merchants fund their share of the interest forgone.
          t.merchantSubsidyPerYuan =
            cat.merchantSubsidy * t.interestForgonePerYuan
          terms.append(t)
        }
      }
    }
    categoryTerms = terms
    var slotCategory = [-1]
    var weights = [0.0]
    var slots: [Range<Int>] = []
    for (k, cat) in cats.enumerated() {
      let start = slotCategory.count
      if let pool = cat.merchants {
        // Zipf sales shares: merchant r sells ∝ 1 / r^s.
        let raw = (1...pool.count).map { 1 / pow(Double($0), pool.sizeSkew) }
        let sum = raw.reduce(0, +)
        for w in raw {
          slotCategory.append(k)
          weights.append(w / sum)
        }
      }
      slots.append(start..<slotCategory.count)
    }
    merchantCategory = slotCategory
    merchantWeight = weights
    categorySlots = slots
    hasMerchants = slotCategory.count > 1
    isFirmSegment = s.population.segments.map { $0.borrower == .firm }
    firms = b.firms
    lines = s.arms.map(\.lines)
    recourse = s.arms.map(\.recourse)
    hasLines = lines.contains { $0 != nil }
    let monthly = pow(1 + b.customerValue.annualDiscountRate, 1.0 / 12) - 1
    discount = (0...s.periods).map { pow(1 + monthly, -Double($0)) }
  }

  /// The merchant slots.
  var merchantSlots: Int { merchantCategory.count }

  /// The price of a purchase in category `c`: log-normal around the category's median, scaled by
  /// the segment's income elasticity.
  @inline(__always)
  func price(category c: Int, incomeScale: Double, normal z: Double) -> Double {
    exp(priceMu[c] + priceSigma[c] * z + incomeScale)
  }

  /// The category of a need: the first whose cumulative weight exceeds u × total.
  @inline(__always)
  func category(segment g: Int, period t: Int, u: Double) -> Int {
    let base = (g * (periods + 1) + t) * categoryCount
    let target = u * categoryCumulative[base + categoryCount - 1]
    return CumulativeWeights.index(
      in: categoryCumulative, base..<base + categoryCount, above: target)
      - base
  }

  /// The terms of arm `a` for category `c` given a uniform draw over its term weights.
  @inline(__always)
  func terms(arm a: Int, category c: Int, u: Double) -> PlanTerms {
    let cumulative = termCumulative[c]
    let k = CumulativeWeights.index(
      in: cumulative, above: u * cumulative[cumulative.count - 1])
    return categoryTerms[(a * categoryCount + c) * maxTerms + k]
  }

  /// A firm's revenue index in `period`: its season × its sector's shock (1 before period 1).
  @inline(__always)
  func revenueIndex(
    sector: Int, amplitude: Float, period: Int, startMonth: Int
  ) -> Double {
    guard period >= 1 else { return 1 }
    let month = (startMonth - 1 + period - 1) % 12
    // FirmProfile.revenueIndex with the cycle looked up.
    return (1 + Double(amplitude) * sectorCycle[sector * 12 + month])
      * sectorRevenue[sector * (periods + 1) + period]
  }
}
