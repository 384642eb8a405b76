import FenqiCore
import FenqiCredit
import FenqiRisk

/// A scenario's macro path flattened for the engine: the factor per period, correlations per
/// segment, merchant categories, funding and the APR cap.
final class MacroTables: Sendable {
  let path: MacroPath
  let sqrtRho: [Double]
  let inverseSqrtComplement: [Double]
  let ones: [Double]
  let sectorCumulative: [Double]
  /// Monthly funding rate per period.
  let monthlyFunding: [Double]
  /// Whether each arm's regular offer is above the (tightest) APR cap.
  let capApplies: [Bool]
  /// Each arm's regular offer repriced to the cap.
  let cappedTerms: [PlanTerms]
  let cappedRate: [Double]
  let cappedConstant: [Double]
  let lossGivenDefault: Double
  let chargeOffMonths: Int

  init(
    _ s: Scenario, macro m: MacroScenario,
    base: (terms: [PlanTerms], rate: [Double], constant: [Double])
  ) {
    path = MacroPath(m, periods: s.periods)
    let rho = s.population.segments.map {
      m.vasicek.rho[$0.name] ?? m.vasicek.defaultRho
    }
    sqrtRho = rho.map { $0.squareRoot() }
    inverseSqrtComplement = rho.map { 1 / (1 - $0).squareRoot() }
    ones = rho.map { _ in 1 }
    var running = 0.0
    sectorCumulative = (m.sectors?.mix ?? []).map {
      running += $0
      return running
    }
    monthlyFunding = path.fundingShift.map {
      (s.economics.annualFundingRate + $0) / 12
    }
    let cap = path.aprCap.compactMap { $0 }.min()
    var applies: [Bool] = []
    var terms: [PlanTerms] = []
    var rates: [Double] = []
    var constants: [Double] = []
    for (a, arm) in s.arms.enumerated() {
      guard let cap, base.rate[a] > cap else {
        applies.append(false)
        terms.append(base.terms[a])
        rates.append(base.rate[a])
        constants.append(base.constant[a])
        continue
      }
      let product = Self.repriced(arm.offer, toAPR: cap)
      let rate = EffectiveRate.of(product)?.nominalAnnualRate ?? cap
      applies.append(true)
      terms.append(Amortization.terms(of: product))
      rates.append(rate)
      constants.append(
        s.choice.split.intercept + s.choice.split.annualRate * rate
          + s.choice.split.interestFreePeriods
          * Double(product.interestFreePeriods))
    }
    capApplies = applies
    cappedTerms = terms
    cappedRate = rates
    cappedConstant = constants
    lossGivenDefault = s.repayment.lossGivenDefault
    chargeOffMonths = Int(
      DelinquencyStateMachine.chargeOffMonths(
        daysPastDue: s.repayment.chargeOffDaysPastDue))
  }

  /// The offer with its price lowered until its APR (IRR) is the cap: the annual rate itself,
  /// or the flat fee found by bisection.
  static func repriced(_ offer: InstalmentProduct, toAPR cap: Double)
    -> InstalmentProduct
  {
    var product = offer
    if offer.fees.upfrontShare > 0 {
      // The cap counts the fee: lower the price until the IRR over every payment fits.
      return repricedWithFee(offer, toAPR: cap)
    }
    switch offer.pricing {
    case .annualRate: product.pricing = .annualRate(cap)
    case .flatMonthlyFee(let fee):
      var lo = 0.0
      var hi = fee
      for _ in 0..<60 {
        let mid = (lo + hi) / 2
        product.pricing = .flatMonthlyFee(mid)
        if (EffectiveRate.of(product)?.nominalAnnualRate ?? 0) > cap {
          hi = mid
        } else {
          lo = mid
        }
      }
      product.pricing = .flatMonthlyFee(lo)
    }
    return product
  }

  /// An offer with an upfront fee repriced to a true APR of `cap`: its rate (or flat fee)
  /// scaled down by bisection, and when even no interest leaves the fee above the cap, the fee
  /// scaled down too.
  static func repricedWithFee(_ offer: InstalmentProduct, toAPR cap: Double)
    -> InstalmentProduct
  {
    func scaled(_ price: Double, _ fee: Double) -> InstalmentProduct {
      var p = offer
      p.fees.upfrontShare = offer.fees.upfrontShare * fee
      switch offer.pricing {
      case .annualRate(let r): p.pricing = .annualRate(r * price)
      case .flatMonthlyFee(let f): p.pricing = .flatMonthlyFee(f * price)
      }
      return p
    }
    func apr(_ p: InstalmentProduct) -> Double {
      EffectiveRate.of(p)?.nominalAnnualRate ?? .infinity
    }
    // Scale the price first; only a fee that alone breaks the cap is cut.
    let byPrice = apr(scaled(0, 1)) <= cap
    var lo = 0.0
    var hi = 1.0
    for _ in 0..<60 {
      let mid = (lo + hi) / 2
      let p = byPrice ? scaled(mid, 1) : scaled(0, mid)
      if apr(p) > cap { hi = mid } else { lo = mid }
    }
    return byPrice ? scaled(lo, 1) : scaled(0, lo)
  }

  /// The roll's stress for a period: the factor's mean path (probabilities averaged over its
  /// random part) or, on a stress path, the drawn factor.
  func stress(period: Int, noise: Double?, seed: UInt64) -> RollStress {
    let drift = path.z[period]
    return RollStress(
      z: drift + (noise ?? 0), sqrtRho: sqrtRho,
      scale: noise == nil ? ones : inverseSqrtComplement,
      sectorCumulative: sectorCumulative,
      sectorMultiplier: path.sectorStress.map { $0[period] },
      sectorStop: path.sectorStop.map { $0[period] }, sectorSeed: seed)
  }

  /// The random part of the factor on stress path `index`: AR(1) with persistence φ and
  /// standard-normal marginals, from the stream (seed, path, month, stressPath).
  static func noise(
    seed: UInt64, path index: Int, periods: Int, persistence phi: Double
  )
    -> [Double]
  {
    var e = 0.0
    var out = [Double](repeating: 0, count: periods + 1)
    for t in 1...periods {
      let eps = Normal.quantile(
        StreamFamily(seed: seed, period: UInt32(t), purpose: .stressPath)
          .stream(for: UInt64(index)).openUniform(at: 0))
      e = t == 1 ? eps : phi * e + (1 - phi * phi).squareRoot() * eps
      out[t] = e
    }
    out[0] = out[1]
    return out
  }
}
