import FenqiDecision

extension LenderRuntime {
  /// Arm `a`'s drift record for the month just ended, and the alarm's action: an `act` alarm
  /// under `freezeRetraining` or `fallBack` holds back a re-training due now; under `fallBack`
  /// it also puts back the last model that scored a stable month.
  mutating func monitor(
    arm a: Int, histograms h: ArmHistograms, psi: Double, retrain: Bool
  ) -> (record: DriftRecord, frozen: Bool) {
    let modelArm = risk.policies[a].decision == .model
    var r = drift.observe(
      arm: a, histograms: h, psi: psi, model: modelArm ? pd[a] : nil)
    guard modelArm, !risk.recording, drift.freezes(r) else {
      return (r, false)
    }
    if let stable = drift.fallBack(arm: a, r) {
      pd[a] = stable
      r.action = "fellBack"
    } else if retrain {
      r.action = "frozen"
    }
    return (r, true)
  }
}
