import FenqiOptimization
import Testing

@Suite struct FeasibilityRankingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var a: Evaluation
    var b: Evaluation
    /// Whether a ranks strictly before b.
    var aIsBetter: Bool
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a feasible plan beats an infeasible one with a larger objective",
      a: Evaluation(objective: 1, violations: [0, 0]),
      b: Evaluation(objective: 100, violations: [0.01, 0]), aIsBetter: true),
    Case(
      name: "two feasible plans compare by objective",
      a: Evaluation(objective: 2, violations: [0]),
      b: Evaluation(objective: 3, violations: [0]), aIsBetter: false),
    Case(
      name: "two infeasible plans compare by total violation, not objective",
      a: Evaluation(objective: -50, violations: [0.1, 0.1]),
      b: Evaluation(objective: 50, violations: [0.3, 0]), aIsBetter: true),
    Case(
      name: "a negative violation counts as holding",
      a: Evaluation(objective: 1, violations: [-0.5]),
      b: Evaluation(objective: 0.5, violations: [0]), aIsBetter: true),
    Case(
      name: "a NaN objective ranks below an infeasible plan",
      a: Evaluation(objective: .nan, violations: [0]),
      b: Evaluation(objective: 0, violations: [5]), aIsBetter: false),
    Case(
      name: "an infinite objective counts as failed, not as best",
      a: Evaluation(objective: .infinity),
      b: Evaluation(objective: -1e9), aIsBetter: false),
    Case(
      name: "a NaN violation is infeasible without bound",
      a: Evaluation(objective: 1, violations: [.nan]),
      b: Evaluation(objective: 1, violations: [1e6]), aIsBetter: false),
    Case(
      name: "equal plans tie",
      a: Evaluation(objective: 1, violations: [0.2]),
      b: Evaluation(objective: 7, violations: [0.2]), aIsBetter: false),
  ]

  @Test(arguments: cases)
  func debsRules(_ c: Case) {
    #expect(FeasibilityRanking.isBetter(c.a, than: c.b) == c.aIsBetter)
  }

  /// Best first: feasible by objective, then infeasible by violation, then failed; ties keep
  /// their order.
  @Test func orderRanksTiersThenValuesAndKeepsTiesInOrder() {
    let evaluations = [
      Evaluation(objective: 5, violations: [0.2]),  // 0: infeasible 0.2
      Evaluation(objective: .nan),  // 1: failed
      Evaluation(objective: 3, violations: [0]),  // 2: feasible 3
      Evaluation(objective: 9, violations: [0.1, 0.05]),  // 3: infeasible 0.15
      Evaluation(objective: 4, violations: [0]),  // 4: feasible 4
      Evaluation(objective: 3, violations: [0]),  // 5: feasible 3, ties with 2
      Evaluation(objective: -.infinity),  // 6: failed, ties with 1
    ]
    #expect(FeasibilityRanking.order(evaluations) == [4, 2, 5, 3, 0, 1, 6])
  }

  @Test func feasibilityAndTotalViolation() {
    #expect(Evaluation(objective: 0).isFeasible)
    #expect(Evaluation(objective: 0).totalViolation == 0)
    let e = Evaluation(objective: 0, violations: [0.25, -1, 0.5])
    #expect(!e.isFeasible && e.totalViolation == 0.75)
    #expect(
      Evaluation(objective: 0, violations: [.nan]).totalViolation == .infinity)
  }
}
