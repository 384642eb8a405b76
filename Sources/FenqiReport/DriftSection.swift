import FenqiCore

/// The drift alarms of a run with a risk stack, read back from `risk.csv`: a cell per month
/// and a paragraph naming each arm's first alarm.
enum DriftSection {
  /// The month's alarm as a table cell: "" when stable, else the score PSI's level and, when a
  /// feature's CSI also alarms, that feature; the action taken in brackets.
  static func alarm(_ t: Table, _ r: [String]) -> String {
    var parts: [String] = []
    let level = t.text(r, "psi_alarm")
    if level == "watch" || level == "act" {
      parts.append("PSI \(level) (band \(t.text(r, "psi_top_band")))")
    }
    let feature = t.text(r, "csi_alarm")
    if feature == "watch" || feature == "act" {
      parts.append(
        "\(t.text(r, "csi_feature")) CSI \(Formatting.fixed(t.number(r, "csi_max"), digits: 2)) \(feature)"
      )
    }
    let action = t.text(r, "drift_action")
    if action == "frozen" || action == "fellBack" {
      parts.append(
        "[\(action == "frozen" ? "re-training frozen" : "fell back to the last stable model")]"
      )
    }
    return parts.joined(separator: "; ")
  }

  /// One sentence per arm whose score PSI raised an alarm: the first month and level, and the
  /// month's PSI.
  static func summary(_ d: RunData, _ t: Table) -> String {
    guard t.column("psi_alarm") != nil else { return "" }
    var lines: [String] = []
    for arm in d.armNames {
      let rows = t.rows(where: "arm", is: arm)
      guard
        let first = rows.first(where: {
          let l = t.text($0, "psi_alarm")
          return l == "watch" || l == "act"
        })
      else { continue }
      lines.append(
        "\(arm): PSI \(Formatting.fixed(t.number(first, "psi"), digits: 3)) raised a "
          + "\(t.text(first, "psi_alarm")) alarm in month \(t.text(first, "period"))"
      )
    }
    guard !lines.isEmpty else {
      return "Drift: no arm's score PSI reached its watch threshold."
    }
    return
      "Drift alarms (PSI of the month's application scores against the training book's; "
      + "CSI per feature): " + lines.joined(separator: "; ") + "."
  }
}
