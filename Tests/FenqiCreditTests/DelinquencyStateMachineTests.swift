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
