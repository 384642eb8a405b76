import FenqiCore
import FenqiDecision
import Testing

@Suite struct DecisionMonitorTests {
  static func report(shift: Double) -> JSONValue {
    let service = DecisionService(bundle: BundleFixture.loaded)
    let monitor = DecisionMonitor(service: service)
    for i in 10_000..<12_000 {
      let v = BundleFixture.applicant(i, seed: 11, shift: shift)
      monitor.record(
        service.decide(
          body: BundleFixture.body(v, extra: [("arm", .string("champion"))])))
    }
    return BundleFixture.json(monitor.report())
  }

  static func psi(_ r: JSONValue, _ group: String, _ name: String) -> Double {
    guard case .array(let entries) = r[group],
      let e = entries.first(where: { $0["name"] == .string(name) }),
      case .number(let x) = e["psi"]
    else { return .nan }
    return x
  }

  @Test func anUnshiftedSampleStaysStable() {
    let r = Self.report(shift: 0)
    #expect(r["decisions"] == .number(2000))
    #expect(Self.psi(r, "features", "bureauScore") < 0.1)
    #expect(Self.psi(r, "features", "externalApplications3m") < 0.1)
    #expect(Self.psi(r, "scores", "champion") < 0.1)
  }

  @Test func aShiftedSampleCrossesTheActLine() {
    let r = Self.report(shift: 1)
    #expect(Self.psi(r, "features", "bureauScore") > 0.25)
    #expect(Self.psi(r, "features", "externalApplications3m") > 0.25)
    #expect(r["status"] == .string("act"))
  }

  @Test func psiFlagsFollowTheRuleOfThumb() {
    #expect(DecisionMonitor.flag(0.05) == "ok")
    #expect(DecisionMonitor.flag(0.1) == "watch")
    #expect(DecisionMonitor.flag(0.3) == "act")
    #expect(DecisionMonitor.flag(.nan) == "none")
  }
}
