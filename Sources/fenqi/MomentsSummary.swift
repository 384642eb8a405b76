import FenqiCalibration
import FenqiCredit
import FenqiReport

/// The plain-text summary `fenqi moments` prints: the tape, the vintage curves at a few months
/// on book, the roll-rate matrix, cure rates and the mix.
enum MomentsSummary {
  /// Months on book shown in the vintage table (those the tape reaches, and its last).
  static let shownMonths = [1, 3, 6, 9, 12, 18, 24, 36, 48, 60]

  static func text(tape: LoanTape, moments m: TapeMoments) -> String {
    var lines: [String] = []
    let origination = tape.originationPeriod
    let last =
      zip(tape.originationPeriod, tape.monthOnBook).map { $0 + $1 }
      .max() ?? 0
    lines.append(
      "Tape: \(Formatting.grouped(Int64(m.loans))) loans, \(Formatting.grouped(Int64(tape.count))) rows; origination periods \(origination.min() ?? 0)–\(origination.max() ?? 0), last period \(last)"
    )
    lines.append(
      "Standard errors: Poisson bootstrap over loans, \(m.bootstrap) replicates, seed \(m.seed)"
    )
    lines.append(contentsOf: vintage(m))
    lines.append(contentsOf: rolls(m))
    let cures = DelinquencyBucket.allCases.dropFirst().compactMap { b in
      m[MomentName.cure(b)].map {
        "\(b.name) \(Formatting.percent($0.value, digits: 1))"
      }
    }
    if !cures.isEmpty {
      lines.append(
        "Cure rates (current next month): " + cures.joined(separator: ", "))
    }
    if let p = m[MomentName.principalMean] {
      lines.append(
        "Mean principal: \(Formatting.money(p.value)) ± \(Formatting.fixed(p.standardError, digits: 2)) yuan"
      )
    }
    let terms = m.moments.filter { $0.name.hasPrefix("term.") }.map {
      "\($0.name.split(separator: ".")[1]) months \(Formatting.percent($0.value, digits: 1))"
    }
    if !terms.isEmpty {
      lines.append("Term mix: " + terms.joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
  }

  /// The vintage table: share ± standard error at a few months on book.
  static func vintage(_ m: TapeMoments) -> [String] {
    let months = m.moments.compactMap { moment -> Int? in
      guard moment.name.hasPrefix(VintageMeasure.ever30.name + ".mob") else {
        return nil
      }
      return Int(moment.name.dropFirst(VintageMeasure.ever30.name.count + 4))
    }
    guard let lastMonth = months.max() else {
      return [
        "Vintage curves: no month on book has \(TapeMoments.minimumCount) loans observable to it"
      ]
    }
    let shown = shownMonths.filter { $0 < lastMonth } + [lastMonth]
    let titles = ["ever 30+", "ever 90+", "charge-off", "prepaid"]
    var lines = [
      "Vintage curves (share ± bootstrap standard error; loans observable to the month):",
      trimmed(
        "  MOB      loans  "
          + titles.map { TextColumns.pad($0, 17, left: true) }.joined()),
    ]
    for k in shown {
      var line =
        "  " + TextColumns.pad(String(k), 3)
        + TextColumns.pad(
          Formatting.grouped(
            Int64(m[MomentName.vintage(.ever30, month: k)]?.count ?? 0)), 11)
        + "  "
      for measure in VintageMeasure.allCases {
        let cell = m[MomentName.vintage(measure, month: k)].map {
          "\(Formatting.percent($0.value)) ± \(Formatting.percent($0.standardError))"
        }
        line += TextColumns.pad(cell ?? "–", 17, left: true)
      }
      lines.append(trimmed(line))
    }
    return lines
  }

  /// `line` without trailing spaces.
  static func trimmed(_ line: String) -> String {
    var t = Substring(line)
    while t.last == " " { t = t.dropLast() }
    return String(t)
  }

  /// The roll-rate matrix, one row per bucket with enough transitions out.
  static func rolls(_ m: TapeMoments) -> [String] {
    let targets = RollTarget.allCases
    var lines = [
      "Roll rates, one month (rows: bucket now; columns: next month; n = transitions out):",
      "  from        n "
        + targets.map { TextColumns.pad($0.name, 12) }.joined(),
    ]
    var any = false
    for from in DelinquencyBucket.allCases {
      guard let first = m[MomentName.roll(from: from, to: .current)] else {
        continue
      }
      any = true
      var line =
        "  " + TextColumns.pad(from.name, 7, left: true)
        + TextColumns.pad(Formatting.grouped(Int64(first.count)), 8)
      for to in targets {
        let v = m[MomentName.roll(from: from, to: to)]?.value
        line += TextColumns.pad(
          v.map { Formatting.percent($0, digits: 1) } ?? "–", 12)
      }
      lines.append(line)
    }
    if !any {
      lines.append(
        "  (no bucket has \(TapeMoments.minimumCount) transitions out)")
    }
    return lines
  }
}
