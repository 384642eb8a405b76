/// The lender's forward-looking expected credit loss (IFRS 9 §5.5): its own roll-rate forecast
/// (``RollRateForecast``) run forward under each of a probability-weighted set of macro
/// scenarios, with staging by the days-past-due backstops and a collective significant increase
/// in credit risk (SICR) by relative PD change.
///
/// For bucket b with balance B_b: EAD_b = B_b·(1 + r·b) — b months of accrued unpaid interest at
/// the monthly contract rate r — plus CCF × the undrawn lines on performing exposure. Stage 1
/// (≤ 30 DPD) carries the 12-month PD, stages 2 and 3 the lifetime PD over the remaining term
/// plus the months to charge-off; ECL_s = Σ_b PD_s(b)·LGD·EAD_b under scenario s, and the
/// provision Σ_s w_s·ECL_s (IFRS 9 B5.5.42: an unbiased, probability-weighted amount). SICR:
/// when the weighted 12-month PD of a current balance is at least `sicrRatio` times its PD at
/// origination conditions, stage 1 moves to lifetime ECL (collective assessment, B5.5.1–6).
public struct ForwardECL: Sendable, Equatable {
  /// A book at the reporting date, by delinquency bucket.
  public struct Book: Sendable, Equatable {
    /// Outstanding principal per bucket 0…K − 1 (months past due), yuan.
    public var balance: [Double]
    /// Monthly contract interest rate accrued on unpaid balances, a fraction.
    public var monthlyRate: Double
    /// Undrawn committed credit lines, yuan.
    public var undrawn: Double
    /// Credit-conversion factor on undrawn lines, a fraction.
    public var creditConversionFactor: Double
    /// Average remaining term of the book, months.
    public var remainingMonths: Int

    /// Creates a book.
    public init(
      balance: [Double], monthlyRate: Double, undrawn: Double = 0,
      creditConversionFactor: Double = 0.5, remainingMonths: Int
    ) {
      self.balance = balance
      self.monthlyRate = monthlyRate
      self.undrawn = undrawn
      self.creditConversionFactor = creditConversionFactor
      self.remainingMonths = remainingMonths
    }
  }

  /// One weighted forward scenario: its probit shift per forward month (see
  /// ``RollRateForecast/termStructure(fromBucket:months:shift:)``).
  public struct Scenario: Sendable, Equatable {
    /// Its name (baseline, adverse, severelyAdverse, …).
    public var name: String
    /// Its probability, a fraction; the weights sum to 1.
    public var weight: Double
    /// The probit shift of forward months 1, 2 and on.
    public var shift: [Double]

    /// Creates a scenario.
    public init(name: String, weight: Double, shift: [Double]) {
      self.name = name
      self.weight = weight
      self.shift = shift
    }
  }

  /// Exposure at default per stage (index 0…2 = stage 1…3), yuan.
  public let exposure: [Double]
  /// ECL per scenario and stage, yuan.
  public let byScenario: [[Double]]
  /// The probability-weighted ECL per stage, yuan.
  public let weighted: [Double]
  /// The weighted 12-month PD of a current balance.
  public let twelveMonthPD: Double
  /// The 12-month PD of a current balance at origination conditions.
  public let originationPD: Double
  /// Whether the collective SICR moved stage 1 to lifetime ECL.
  public let significantIncrease: Bool

  /// The provision: the weighted ECL summed over stages, yuan.
  public var provision: Double { weighted.reduce(0, +) }

  /// Computes the provision.
  ///
  /// - Parameters:
  ///   - book: the book by bucket.
  ///   - rates: the lender's roll-rate forecast (its buckets match `book.balance`).
  ///   - lgd: loss given default, a fraction (the downturn LGD for a conservative view).
  ///   - scenarios: the weighted scenarios (one flat scenario gives a point-in-time ECL).
  ///   - originationShift: the probit shift of the conditions the book was originated in.
  ///   - sicrRatio: the relative PD change that signals SICR (2: a doubling).
  public init(
    book: Book, rates: RollRateForecast, lossGivenDefault lgd: Double,
    scenarios: [Scenario], originationShift: Double = 0, sicrRatio: Double = 2
  ) {
    let k = rates.chargeOffMonths
    let life = book.remainingMonths + k
    let pd0 = scenarios.reduce(0.0) {
      $0 + $1.weight
        * (rates.termStructure(fromBucket: 0, months: 12, shift: $1.shift).last
          ?? 0)
    }
    let origination =
      rates.termStructure(fromBucket: 0, months: 12, shift: [originationShift])
      .last ?? 0
    let sicr = origination > 0 && pd0 >= sicrRatio * origination
    var exposure = [0.0, 0, 0]
    var byScenario = [[Double]](repeating: [0, 0, 0], count: scenarios.count)
    for b in 0..<Swift.min(k, book.balance.count) {
      let stage = CreditStage(monthsPastDue: UInt8(b)).rawValue - 1
      let lifetime = stage > 0 || sicr
      var ead = book.balance[b] * (1 + book.monthlyRate * Double(b))
      if b == 0 { ead += book.creditConversionFactor * book.undrawn }
      exposure[stage] += ead
      for (s, scenario) in scenarios.enumerated() {
        let curve = rates.termStructure(
          fromBucket: b, months: lifetime ? life : 12, shift: scenario.shift)
        byScenario[s][stage] += (curve.last ?? 0) * lgd * ead
      }
    }
    self.exposure = exposure
    self.byScenario = byScenario
    weighted = (0..<3).map { st in
      zip(scenarios, byScenario).reduce(0) { $0 + $1.0.weight * $1.1[st] }
    }
    twelveMonthPD = pd0
    originationPD = origination
    significantIncrease = sicr
  }
}
