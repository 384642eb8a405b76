import FenqiCredit
import Testing

@Suite struct DelinquencyStateMachineTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let from: UInt8
    let u: Double
    let to: UInt8
    let event: DelinquencyStateMachine.Event
    var testDescription: String { "\(from) u=\(u) → \(to) \(event)" }
  }

  // miss 0.1, cure 0.3, roll 0.5 ⇒ delinquent: cure below 0.3, roll below 0.3 + 0.7·0.5 = 0.65.
  @Test(arguments: [
    Case(from: 0, u: 0.05, to: 1, event: .missed),
    Case(from: 0, u: 0.5, to: 0, event: .paid),
    Case(from: 1, u: 0.1, to: 0, event: .cured),
    Case(from: 1, u: 0.5, to: 2, event: .rolled),
    Case(from: 1, u: 0.9, to: 1, event: .paidStillDelinquent),
    Case(from: 2, u: 0.6, to: 3, event: .rolled),
    Case(from: 3, u: 0.6, to: 4, event: .rolled),
    Case(from: 4, u: 0.6, to: 5, event: .chargedOff),
    Case(from: 4, u: 0.2, to: 0, event: .cured),
    Case(from: 4, u: 0.7, to: 4, event: .paidStillDelinquent),
  ])
  func everyTransitionAtChargeOff120(c: Case) {
    let next = DelinquencyStateMachine.next(
      monthsPastDue: c.from, u: c.u, miss: 0.1, cure: 0.3, roll: 0.5,
      chargeOffMonths: 5)
    #expect(next.monthsPastDue == c.to)
    #expect(next.event == c.event)
  }

  @Test func chargeOffPolicyMapsDaysToMonthsAndBucketsCapAtNinetyPlus() {
    #expect(
      DelinquencyStateMachine.allowedChargeOffDays.map {
        DelinquencyStateMachine.chargeOffMonths(daysPastDue: $0)
      } == [4, 5, 6, 7])
    #expect(
      DelinquencyStateMachine.next(
        monthsPastDue: 3, u: 0.5, miss: 0, cure: 0, roll: 1, chargeOffMonths: 4
      ).event == .chargedOff)
    #expect(
      DelinquencyStateMachine.next(
        monthsPastDue: 5, u: 0.5, miss: 0, cure: 0, roll: 1, chargeOffMonths: 7
      ).event == .rolled)
    #expect(
      [0, 1, 2, 3, 4, 5, 6].map {
        DelinquencyStateMachine.bucket(monthsPastDue: $0)
      } == [0, 1, 2, 3, 4, 4, 4])
    #expect(
      DelinquencyStateMachine.pays(.paid)
        && DelinquencyStateMachine.pays(.cured)
        && DelinquencyStateMachine.pays(.paidStillDelinquent))
    #expect(
      !DelinquencyStateMachine.pays(.missed)
        && !DelinquencyStateMachine.pays(.rolled)
        && !DelinquencyStateMachine.pays(.chargedOff))
  }
}

@Suite struct ProbabilityOfGoingBadTests {
  /// By hand: reaching 1 month past due within one month is the miss probability; reaching 2
  /// within two months needs a miss then a roll.
  @Test func smallCasesByHand() {
    let p1 = DelinquencyStateMachine.probabilityOfReaching(
      1, within: 1, miss: 0.1, cure: 0.3, roll: 0.5)
    #expect(abs(p1 - 0.1) < 1e-15)
    let p2 = DelinquencyStateMachine.probabilityOfReaching(
      2, within: 2, miss: 0.1, cure: 0.3, roll: 0.5)
    #expect(abs(p2 - 0.1 * 0.7 * 0.5) < 1e-15)
    // Within three months: miss-roll in months 1–2 or 2–3, or miss, stay, roll.
    let p3 = DelinquencyStateMachine.probabilityOfReaching(
      2, within: 3, miss: 0.1, cure: 0.3, roll: 0.5)
    let stay = 0.7 * 0.5
    let expected = 0.1 * 0.35 + 0.9 * 0.1 * 0.35 + 0.1 * stay * 0.35
    #expect(abs(p3 - expected) < 1e-15)
  }

  /// Agrees with stepping the state machine itself over many simulated loans.
  @Test func agreesWithTheStateMachine() {
    var hits = 0
    let n = 200_000
    var state: UInt64 = 12345
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    for _ in 0..<n {
      var d: UInt8 = 0
      for _ in 0..<6 {
        d =
          DelinquencyStateMachine.next(
            monthsPastDue: d, u: uniform(), miss: 0.08, cure: 0.25, roll: 0.6,
            chargeOffMonths: 10
          ).monthsPastDue
        if d >= 3 { break }
      }
      if d >= 3 { hits += 1 }
    }
    let exact = DelinquencyStateMachine.probabilityOfReaching(
      3, within: 6, miss: 0.08, cure: 0.25, roll: 0.6)
    let simulated = Double(hits) / Double(n)
    #expect(
      abs(simulated - exact) < 4
        * (exact * (1 - exact) / Double(n)).squareRoot())
  }
}
