/// The report section of a run with a macro path: the path, and IFRS 9 provisions against
/// charge-offs by month.
enum ProvisionSection {
  /// Per arm and period: (provision, exposure) summed over stages.
  static func provisions(_ ecl: Table, arm: String, period: String) -> (
    Double, Double
  ) {
    ecl.rows.filter {
      ecl.text($0, "arm") == arm && ecl.text($0, "period") == period
    }
    .reduce((0, 0)) {
      ($0.0 + ecl.number($1, "provision"), $0.1 + ecl.number($1, "exposure"))
    }
  }

  static func rows(_ d: RunData) -> [(month: String, cells: [String])] {
    guard let macro = d.macro, let ecl = d.ecl else { return [] }
    return macro.rows.map { row in
      let p = macro.text(row, "period")
      var cells = [
        Formatting.percent(macro.number(row, "unemployment")),
        Formatting.fixed(macro.number(row, "systematic_factor"), digits: 2),
      ]
      for arm in d.armNames {
        let (provision, exposure) = provisions(ecl, arm: arm, period: p)
        let chargeOffs =
          d.periods.rows.first {
            d.periods.text($0, "arm") == arm
              && d.periods.text($0, "period") == p
          }
          .map { d.periods.number($0, "charge_off_principal") } ?? .nan
        cells += [
          Formatting.money(provision),
          Formatting.percent(exposure > 0 ? provision / exposure : .nan),
          Formatting.money(chargeOffs),
        ]
      }
      return (p, cells)
    }
  }

  static func header(_ d: RunData) -> [String] {
    ["month", "unemployment", "factor drift"]
      + d.armNames.flatMap {
        ["\($0) provision, ¥", "\($0) coverage", "\($0) charge-offs, ¥"]
      }
  }

  static func markdown(_ d: RunData) -> String {
    let rows = rows(d)
    guard !rows.isEmpty else { return "" }
    var out = "## Macro path and provisions\n\n"
    out +=
      "IFRS 9 expected credit loss at each month end (stage 1: 12-month, stages 2–3: lifetime) "
    out +=
      "against the month's charge-offs; `ecl.csv` has the stages, `macro.csv` the path.\n\n"
    out += MarkdownReport.table(header(d), rows.map { [$0.month] + $0.cells })
    return out + "\n"
  }

  static func html(_ d: RunData) -> String {
    let rows = rows(d)
    guard !rows.isEmpty else { return "" }
    var t = "<table id=\"provisions\"><thead><tr>"
    t +=
      header(d).map { "<th>\(Formatting.xml($0))</th>" }.joined()
      + "</tr></thead><tbody>"
    for r in rows {
      t +=
        "<tr><td>\(Formatting.xml(r.month))</td>"
        + r.cells.map { "<td>\(Formatting.xml($0))</td>" }.joined()
        + "</tr>"
    }
    t += "</tbody></table>"
    return HTMLReport.section(
      "Macro path and provisions", t,
      note:
        "IFRS 9 expected credit loss at each month end (stage 1: 12-month, stages 2–3: lifetime) against the month's charge-offs: provisions move before the losses arrive."
    )
  }
}
