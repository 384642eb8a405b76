import FenqiCore
import FenqiCredit
import Foundation
import Testing

@testable import FenqiSimulation

/// Fees in scenarios: validation against the regulatory cap, upfront fees at booking, late fees
/// and penalty interest in the run's money, and the APR cap's repricing.
@Suite struct ProductFeeEngineTests {
  /// The baseline, small, with `fees` on every arm's offer.
  static func baseline(
    size: Int = 20_000, fees: [String: Any],
    edit: (inout [String: Any]) -> Void = { _ in }
  ) throws -> Scenario {
    try DefectRegressionTests.load("baseline.json") { json in
      var population = json["population"] as? [String: Any] ?? [:]
      population["size"] = size
      json["population"] = population
      var arms = json["arms"] as? [[String: Any]] ?? []
      for a in arms.indices {
        var offer = arms[a]["offer"] as? [String: Any] ?? [:]
        offer["fees"] = fees
        arms[a]["offer"] = offer
      }
      json["arms"] = arms
      edit(&json)
    }
  }

  /// A 12-month offer at 22% a year, with `fees` when given.
  static func offer22(fees: [String: Any]?) -> [String: Any] {
    var offer: [String: Any] = [
      "termMonths": 12, "pricing": ["kind": "annualRate", "rate": 0.22],
    ]
    if let fees { offer["fees"] = fees }
    return offer
  }

  /// A regulatory cap of 24% and `offer` as the second arm's.
  static func capAt24(_ json: inout [String: Any], offer: [String: Any]) {
    var economics = json["economics"] as? [String: Any] ?? [:]
    economics["aprCap"] = 0.24
    json["economics"] = economics
    var arms = json["arms"] as? [[String: Any]] ?? []
    arms[1]["offer"] = offer
    json["arms"] = arms
  }

  @Test func anOfferUnderTheNominalCapIsRefusedWhenItsFeePushesItsTrueAPROver()
    throws
  {
    // 22% a year over 12 months is under a 24% cap; a 2% fee paid at booking makes the IRR over
    // every payment 25.95% (bisection on the NPV, done apart from this code).
    let found = try problems(editing: "baseline.json") {
      Self.capAt24(&$0, offer: Self.offer22(fees: ["upfront": ["share": 0.02]]))
    }
    #expect(
      found == [
        "$.arms[1].offer: the offer's true APR (IRR over every fee) is 25.95% (upfront fee 2.00% of the principal, paid at booking), above the regulatory cap of 24.00% in $.economics.aprCap"
      ], "\(found)")
    // Without the fee the same offer is accepted.
    let clean = try DefectRegressionTests.load("baseline.json") {
      Self.capAt24(&$0, offer: Self.offer22(fees: nil))
    }
    #expect(clean.economics.aprCap == 0.24)
  }

  @Test func feesAreValidatedWithTheirPaths() throws {
    let found = try problems(editing: "baseline.json") { json in
      var arms = json["arms"] as? [[String: Any]] ?? []
      var offer = arms[0]["offer"] as? [String: Any] ?? [:]
      offer["fees"] = [
        "upfront": ["share": 0.9], "lateFee": ["graceDays": 30],
        "penaltyDailyRate": -1, "surprise": 1,
      ]
      arms[0]["offer"] = offer
      json["arms"] = arms
    }
    #expect(
      found.contains { $0.hasPrefix("$.arms[0].offer.fees.upfront.share:") })
    #expect(
      found.contains { $0.hasPrefix("$.arms[0].offer.fees.lateFee.graceDays:") }
    )
    #expect(
      found.contains { $0.hasPrefix("$.arms[0].offer.fees.penaltyDailyRate:") })
    #expect(found.contains { $0.hasPrefix("$.arms[0].offer.fees.surprise:") })
  }

  @Test(arguments: [false, true])
  func anUpfrontFeeIsChargedOnEveryBooking(financed: Bool) throws {
    let s = try Self.baseline(
      fees: ["upfront": ["share": 0.02, "financed": financed]])
    let r = SimulationEngine(scenario: s, threads: 2).run()
    for arm in r.arms {
      let booked = arm.totals.bookedPrincipal
      let fees = arm.totals.upfrontFees
      #expect(fees > 0)
      // Paid: the fee is 2% of the principal; financed: the principal is the price plus the
      // fee, so the fee is 2/102 of it. (Fraudsters' loans carry no upfront fee.)
      let share = financed ? 0.02 / 1.02 : 0.02
      let fraud = arm.totals.risk.fraudLoss
      #expect(abs(fees - share * (booked - fraud)) < 1e-6 * booked)
    }
  }

  @Test func lateFeesAndPenaltiesAddUpInNetIncome() throws {
    let fees: [String: Any] = [
      "lateFee": ["amount": 20, "share": 0.05, "cap": 50, "graceDays": 3],
      "penaltyDailyRate": 0.0005,
    ]
    let with = SimulationEngine(
      scenario: try Self.baseline(fees: fees), threads: 2
    ).run()
    let without = SimulationEngine(
      scenario: try Self.baseline(fees: [:]), threads: 2
    ).run()
    for (a, b) in zip(with.arms, without.arms) {
      let book = a.totals.book
      #expect(book.lateFees > 0 && book.penaltyInterest > 0)
      // Late fees never change behaviour, so the runs differ only by the fees' income.
      #expect(a.totals.bookings == b.totals.bookings)
      #expect(book.chargeOffPrincipal == b.totals.book.chargeOffPrincipal)
      let difference = a.netIncome - b.netIncome
      #expect(abs(difference - book.arrearsIncome) < 1e-6 * abs(a.netIncome))
      // A late fee per newly missed instalment: at least one per loan that missed.
      #expect(book.lateFeeInstalments >= book.missed)
      #expect(book.lateFeeBorrowers <= a.totals.newBorrowers)
    }
  }

  @Test func theMacroCapRepricesAnOfferWithAFeeToItsTrueAPR() throws {
    let offer = InstalmentProduct(
      termMonths: 12, pricing: .annualRate(0.3),
      fees: ProductFees(upfrontShare: 0.02))
    let repriced = MacroTables.repriced(offer, toAPR: 0.24)
    let apr = try #require(EffectiveRate.of(repriced)).nominalAnnualRate
    #expect(abs(apr - 0.24) < 1e-9)
    #expect(repriced.fees.upfrontShare == 0.02)
    // A fee that alone breaks the cap is cut, and the interest with it.
    var greedy = offer
    greedy.fees.upfrontShare = 0.2
    let cut = MacroTables.repriced(greedy, toAPR: 0.24)
    #expect(abs((EffectiveRate.of(cut)?.nominalAnnualRate ?? 0) - 0.24) < 1e-9)
    #expect(cut.pricing == .annualRate(0))
  }

  @Test func prepaymentFallsWithTheCostOfSettlingEarly() throws {
    let s = try Self.baseline(
      fees: ["earlySettlement": ["rule": "fee", "share": 0.02]])
    let tables = EngineTables(s)
    let terms = Amortization.terms(of: s.arms[0].offer)
    #expect(terms.fees.settlementCostPerYuan == 0.02)
    // The default elasticity of 40: a 2% fee multiplies the prepayment rate by e^−0.8.
    for g in s.behaviours.indices {
      let base = s.behaviours[g].prepaymentRate
      #expect(
        abs(tables.prepaymentRate(segment: g, terms: terms) - base * exp(-0.8))
          < 1e-15)
    }
    // Settling early then costs the fee, and it is income.
    let r = SimulationEngine(scenario: s, threads: 2).run()
    for arm in r.arms {
      let book = arm.totals.book
      #expect(book.prepayments > 0)
      #expect(
        abs(book.settlementFees - 0.02 * book.prepaidPrincipal) < 1e-6
          * book.prepaidPrincipal)
    }
  }

  @Test func earlySettlementRulesAreValidated() throws {
    let found = try problems(editing: "baseline.json") { json in
      var arms = json["arms"] as? [[String: Any]] ?? []
      var offer = arms[0]["offer"] as? [String: Any] ?? [:]
      offer["fees"] = ["earlySettlement": ["rule": "never", "share": 0.5]]
      arms[0]["offer"] = offer
      json["arms"] = arms
      var repayment = json["repayment"] as? [String: Any] ?? [:]
      repayment["prepayment"] = ["partialShare": 2]
      json["repayment"] = repayment
    }
    #expect(
      found.contains {
        $0.hasPrefix("$.arms[0].offer.fees.earlySettlement.rule:")
      },
      "\(found)")
    #expect(
      found.contains { $0.hasPrefix("$.repayment.prepayment.partialShare:") })
  }

  @Test func aFlatFeeIsRefusedOnLoansTooSmallToCarryItUnderTheCap() throws {
    // ¥30 paid at booking on the baseline's 0.6%-a-month plan (the control arm's) under a 15%
    // cap: the smallest loan that carries it is ¥2,927.36 (ProductFeesTests); smaller purchases
    // are not offered the plan. (The interest-free arm's lower APR carries it on smaller loans.)
    let s = try Self.baseline(fees: ["upfront": ["amount": 30]]) { json in
      json["economics"] = ["annualFundingRate": 0.035, "aprCap": 0.15]
    }
    var engine = SimulationEngine(scenario: s, threads: 2)
    engine.tapeLoans = 100_000
    let r = engine.run()
    let tape = try #require(r.tape)
    let rows = (0..<tape.count).map(tape.row)
    let control = rows.filter { $0.product == "control" }.map(\.principal)
    let free = rows.filter { $0.product != "control" }.map(\.principal)
    #expect((control.min() ?? 0) >= 2_927.36)
    #expect((free.min() ?? .infinity) < 2_927.36)
    #expect(tape.loanCount > 100)
    for arm in r.arms {
      #expect(arm.totals.capRefusals > 0)
      // ¥30 on every loan booked.
      #expect(abs(arm.totals.upfrontFees - 30 * arm.totals.bookings) < 1e-6)
    }
    // Without a cap every size is offered.
    let open = SimulationEngine(
      scenario: try Self.baseline(fees: ["upfront": ["amount": 30]]), threads: 2
    ).run()
    #expect(open.arms.allSatisfy { $0.totals.capRefusals == 0 })
    #expect(open.arms[0].totals.bookings > r.arms[0].totals.bookings)
  }
}
