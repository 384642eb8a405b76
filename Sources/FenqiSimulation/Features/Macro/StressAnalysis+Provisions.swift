import FenqiCredit
import FenqiRisk

extension StressAnalysis {
  /// The months of book history the lender's roll rates are estimated from.
  static let estimationMonths = 6
  /// The relative change of the 12-month PD that signals a significant increase in credit risk.
  static let sicrRatio = 2.0
  /// The credit-conversion factor on undrawn lines (Basel II §334's 75% for other retail
  /// commitments would be the regulatory one; 50% is a behavioural IFRS 9 estimate).
  static let creditConversionFactor = 0.5

  /// Arm `a`'s book rows (five bucket balances, then the month's charge-offs) per period.
  static func bookRows(_ r: RunResult, arm a: Int) -> [[Double]] {
    r.periods.map { row in
      let b = row[a].counts.book
      return [
        b.balance.0, b.balance.1, b.balance.2, b.balance.3, b.balance.4,
        b.chargeOffPrincipal,
      ]
    }
  }

  /// The lender's roll rates from months `from…to` (1-based) of its own book; the 90+ bucket is
  /// dropped when it is always empty (a charge-off at 90 DPD or sooner).
  static func rollRates(_ rows: [[Double]], from: Int, to: Int)
    -> RollRateForecast?
  {
    let window = Array(rows[(from - 1)..<to])
    if let r = RollRateForecast.estimated(from: window) { return r }
    return RollRateForecast.estimated(
      from: window.map { Array($0[0..<4]) + [$0[5]] })
  }

  /// The monthly contract rate of arm `a`'s regular offer.
  static func monthlyRate(_ s: Scenario, arm a: Int) -> Double {
    switch s.arms[a].offer.pricing {
    case .annualRate(let r): r / 12
    case .flatMonthlyFee(let f): f
    }
  }

  /// Provisions of arm `a` at every window month from 2.
  static func provisions(
    scenario s: Scenario, arm a: Int, actual: RunResult,
    set: WeightedScenarioSet,
    paths: [MacroPath], lgd: Double
  ) -> [Provision] {
    let rows = bookRows(actual, arm: a)
    let rho = s.macro?.vasicek.defaultRho ?? 0.04
    let actualPath = MacroPath(s.macro(severity: 1), periods: s.periods)
    let term = s.arms[a].offer.termMonths
    var out: [Provision] = []
    for r in 2...Swift.max(2, s.window) where r <= rows.count {
      let from = Swift.max(1, r - estimationMonths + 1)
      guard let rates = rollRates(rows, from: from, to: r) else { continue }
      let seen = actualPath.z[from...r].reduce(0, +) / Double(r - from + 1)
      func shift(_ p: MacroPath) -> [Double] {
        (1...(term + rates.chargeOffMonths)).map { m in
          -rho.squareRoot() * (p.z[Swift.min(r + m, p.z.count - 1)] - seen)
        }
      }
      let book = ForwardECL.Book(
        balance: Array(rows[r - 1][0..<rates.chargeOffMonths]),
        monthlyRate: monthlyRate(s, arm: a), undrawn: 0,
        creditConversionFactor: creditConversionFactor,
        remainingMonths: Swift.max(1, term / 2))
      let origination = -rho.squareRoot() * (0 - seen)
      let weighted = ForwardECL(
        book: book, rates: rates, lossGivenDefault: lgd,
        scenarios: zip(set.members, paths).map {
          ForwardECL.Scenario(
            name: $0.name, weight: $0.weight, shift: shift($1))
        }, originationShift: origination, sicrRatio: sicrRatio)
      let today = -rho.squareRoot() * (actualPath.z[r] - seen)
      let pit = ForwardECL(
        book: book, rates: rates, lossGivenDefault: lgd,
        scenarios: [.init(name: "pointInTime", weight: 1, shift: [today])],
        originationShift: origination, sicrRatio: sicrRatio)
      out.append(
        Provision(
          period: r, lender: weighted, pointInTime: pit.provision,
          truth: actual.periods[r - 1][a].counts.provisions.provision))
    }
    return out
  }

  /// Arm `a`'s IRB and economic capital on the book at the end of month 1.
  static func capital(
    scenario s: Scenario, arm a: Int, actual: RunResult, losses: [Double],
    lgd: Double
  ) -> Capital {
    let rows = bookRows(actual, arm: a)
    let rates = rollRates(
      rows, from: 1, to: Swift.min(rows.count, estimationMonths))
    let pd =
      rates?.termStructure(fromBucket: 0, months: 12, shift: [0]).last ?? 0
    let exposure = rows.first.map { $0[0] + $0[1] + $0[2] + $0[3] } ?? 0
    let rho = BaselIRB.RetailClass.otherRetail.correlation(
      pd: Swift.max(pd, 0.0003))
    let k = BaselIRB.capital(pd: pd, lgd: lgd, rho: rho)
    let d = LossDistribution(losses)
    return Capital(
      exposure: exposure, pd: pd, lossGivenDefault: lgd, correlation: rho,
      regulatory: k * exposure,
      economic: losses.isEmpty ? .nan : d.valueAtRisk(0.999) - d.mean)
  }
}
