import FenqiCore
import FenqiExperiment
import FenqiSimulation
import Foundation

/// The files of a sweep folder: `sweep.json` (its identity), `units/` (one CSV per work unit,
/// written as each finishes), and, once every unit is in, `sweep.csv`, `pareto.csv`,
/// `report.md` and `report.html` — built from the unit files alone, so a merge of shards
/// writes exactly what one process would have.
public enum SweepFiles {
  /// Measures per arm in `sweep.csv`.
  static let measures = [
    "customers", "bookings", "conversion", "booked_principal", "net_income",
    "bad_debt_rate",
    "dpd30_plus_rate", "marketing_cost",
  ]

  /// The header of `sweep.csv` and of every unit file.
  public static func header(axes: [String]) -> [String] {
    ["point", "replicate", "seed"] + axes + ["arm"] + measures
  }

  /// A unit's file name.
  public static func unitName(_ u: Int) -> String {
    let digits = String(u + 1)
    return "u-" + String(repeating: "0", count: Swift.max(0, 6 - digits.count))
      + digits + ".csv"
  }

  /// A unit's CSV: one row per arm.
  public static func unitText(plan: SweepPlan, unit u: Int, result: RunResult)
    -> String
  {
    let (p, r) = plan.unit(u)
    var t = CSVTable(header: header(axes: plan.grid.axes.map(\.path)))
    let values = zip(plan.grid.axes, plan.grid.coordinates(p)).map {
      SweepPlan.text($0.values[$1])
    }
    for arm in result.arms {
      t.append(
        [String(p + 1), String(r + 1), String(result.scenario.seed)]
          + values.map(CSVTable.cell)
          + [CSVTable.cell(arm.name)]
          + [
            Double(arm.customers), arm.totals.bookings, arm.conversion,
            arm.totals.bookedPrincipal,
            arm.netIncome, arm.badDebtRate, arm.dpd30PlusRate,
            arm.marketingCost,
          ].map(CSVTable.cell))
    }
    return t.text
  }

  /// `sweep.json`: what the sweep is, and which shard this folder holds (nil: all of it).
  public static func identity(
    plan: SweepPlan, seed: UInt64, version: String,
    shard: (index: Int, count: Int)?
  ) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("scenarioFile", .string(plan.file)),
      ("scenarioSHA256", .string(plan.sha256)),
      ("seed", .number(Double(seed))), ("fenqiVersion", .string(version)),
      (
        "grid",
        .array(
          plan.grid.axes.map {
            .object([("path", .string($0.path)), ("values", .array($0.values))])
          })
      ),
      ("replicates", .number(Double(plan.replicates))),
      ("units", .number(Double(plan.unitCount))),
    ]
    if let shard { members.append(("shard", shardJSON(shard))) }
    return .object(members)
  }

  /// `{"index": i, "count": n}`.
  public static func shardJSON(_ shard: (index: Int, count: Int)) -> JSONValue {
    .object([
      ("index", .number(Double(shard.index))),
      ("count", .number(Double(shard.count))),
    ])
  }

  /// The identity without its shard: what must agree between shards of one sweep.
  public static func withoutShard(_ identity: JSONValue) -> JSONValue {
    guard case .object(let members) = identity else { return identity }
    return .object(members.filter { $0.key != "shard" })
  }

  /// The identity's text without the scenario file's spelling, for telling whether two folders
  /// hold one run: `Scenarios/x.json`, `./Scenarios/x.json` and an absolute path name one file,
  /// and the SHA-256 beside it says whether it is the same scenario.
  public static func matchText(_ identity: JSONValue) -> String {
    guard case .object(let members) = identity else {
      return JSONWriter.text(identity)
    }
    return JSONWriter.text(.object(members.filter { $0.key != "scenarioFile" }))
  }

  /// The grid paths and replicates an identity (`sweep.json`) records (1 when absent).
  public static func axesAndReplicates(_ identity: JSONValue) -> (
    axes: [String], replicates: Int
  ) {
    var axes: [String] = []
    if case .array(let grid) = identity["grid"] ?? .null {
      axes = grid.compactMap {
        if case .string(let p) = $0["path"] ?? .null { return p }
        return nil
      }
    }
    guard case .number(let r) = identity["replicates"] ?? .null, r >= 1,
      r <= 1e9, r == r.rounded()
    else { return (axes, 1) }
    return (axes, Int(r))
  }

  /// Why a unit file cannot be used: it names the file and the line.
  public struct UnitProblem: Error, Equatable, Sendable,
    CustomStringConvertible
  {
    /// What is wrong, starting with the unit's file (`units/u-000001.csv`).
    public var description: String
  }

  /// Checks that a unit file is a finished unit of the sweep.
  ///
  /// It must hold the sweep's header, then one row per arm, every row of the unit's point and
  /// replicate, and end in a line break, so a file cut short (to its header, or mid-line)
  /// fails.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - u: The unit (0-based).
  ///   - axes: The grid paths, in order.
  ///   - replicates: Replicates per point.
  ///   - arms: The rows expected; nil when unknown (then at least one).
  /// - Returns: The unit's rows.
  /// - Throws: ``UnitProblem`` naming the file, the line and what is wrong.
  public static func checkUnit(
    _ text: String, unit u: Int, axes: [String], replicates: Int, arms: Int?
  ) throws(UnitProblem) -> [[String]] {
    let name = "units/" + unitName(u)
    // Every line a unit writes ends in a line break; a file cut mid-line does not.
    guard text.hasSuffix("\n") else {
      let line = text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
      throw UnitProblem(
        description:
          "\(name): line \(line): the file was cut short (no final line break)")
    }
    let table: Table
    do { table = try Table(csv: text) } catch {
      throw UnitProblem(
        description: "\(name): line \(error.line): \(error.message)")
    }
    let expected = header(axes: axes)
    guard table.header == expected else {
      throw UnitProblem(
        description:
          "\(name): line 1: expected the header \(expected.joined(separator: ",")), found \(table.header.joined(separator: ","))"
      )
    }
    guard !table.rows.isEmpty, arms.map({ table.rows.count == $0 }) ?? true
    else {
      throw UnitProblem(
        description:
          "\(name): \(table.rows.count) row\(table.rows.count == 1 ? "" : "s") of results, expected \(arms.map { "\($0), one per arm" } ?? "one per arm"); the file was cut short"
      )
    }
    let point = String(u / replicates + 1)
    let replicate = String(u % replicates + 1)
    for (k, row) in table.rows.enumerated()
    where row[0] != point || row[1] != replicate {
      throw UnitProblem(
        description:
          "\(name): line \(k + 2): expected point \(point), replicate \(replicate), found point \(row[0]), replicate \(row[1])"
      )
    }
    return table.rows
  }

  /// The summary files from every unit's CSV text, in unit order.
  ///
  /// - Throws: ``UnitProblem`` for a unit file that is not a finished unit of this sweep
  ///   (every unit must hold the same number of rows: one per arm).
  public static func summaryFiles(identity: JSONValue, units: [String]) throws
    -> [(
      name: String, text: String
    )]
  {
    let (axes, replicates) = axesAndReplicates(identity)
    let header = header(axes: axes)
    var rows: [[String]] = []
    var arms: Int?
    for (u, text) in units.enumerated() {
      let unitRows = try checkUnit(
        text, unit: u, axes: axes, replicates: replicates, arms: arms)
      arms = unitRows.count
      rows += unitRows
    }
    var sweep = CSVTable(header: header)
    for row in rows { sweep.append(row.map(CSVTable.cell)) }
    let pareto = paretoTable(header: header, rows: rows, axes: axes)
    return [
      ("sweep.csv", sweep.text),
      ("pareto.csv", pareto.text),
      ("report.md", markdown(identity: identity, pareto: pareto, axes: axes)),
      (
        "report.html",
        html(
          identity: identity, pareto: pareto, axes: axes,
          spread: spread(header: header, rows: rows, axes: axes))
      ),
    ]
  }

  /// Candidates (point × arm) averaged over replicates, with whether each is on the frontier of
  /// net income (higher) or conversion (higher) against bad-debt rate (lower).
  static func paretoTable(header: [String], rows: [[String]], axes: [String])
    -> CSVTable
  {
    // By position: point, replicate, seed, the axes, arm, then the measures (which an axis
    // may share a name with, so they are found from the end).
    let armColumn = 3 + axes.count
    func col(_ name: String) -> Int { header.lastIndex(of: name) ?? 0 }
    struct Candidate {
      var point: Int
      var arm: String
      var axes: [String]
      var n = 0.0
      var net = 0.0
      var conversion = 0.0
      var bad = 0.0
    }
    var order: [String] = []
    var byKey: [String: Candidate] = [:]
    for row in rows {
      let key = row[0] + "\u{1F}" + row[armColumn]
      if byKey[key] == nil {
        order.append(key)
        byKey[key] = Candidate(
          point: Int(row[0]) ?? 0, arm: row[armColumn],
          axes: axes.indices.map { row[3 + $0] })
      }
      byKey[key]?.n += 1
      byKey[key]?.net += Double(row[col("net_income")]) ?? .nan
      byKey[key]?.conversion += Double(row[col("conversion")]) ?? .nan
      byKey[key]?.bad += Double(row[col("bad_debt_rate")]) ?? .nan
    }
    let candidates = order.compactMap { byKey[$0] }.map { c -> Candidate in
      var m = c
      m.net /= c.n
      m.conversion /= c.n
      m.bad /= c.n
      return m
    }
    func frontier(_ value: (Candidate) -> Double) -> Set<Int> {
      let sorted = candidates.indices.sorted {
        candidates[$0].bad != candidates[$1].bad
          ? candidates[$0].bad < candidates[$1].bad
          : value(candidates[$0]) > value(candidates[$1])
      }
      var best = -Double.infinity
      var on: Set<Int> = []
      for i in sorted where value(candidates[i]) > best {
        on.insert(i)
        best = value(candidates[i])
      }
      return on
    }
    let netFront = frontier(\.net)
    let conversionFront = frontier(\.conversion)
    var t = CSVTable(
      header: ["point"] + axes + [
        "arm", "replicates", "net_income", "conversion", "bad_debt_rate",
        "frontier_net_income",
        "frontier_conversion",
      ])
    for (i, c) in candidates.enumerated() {
      t.append(
        [String(c.point)] + c.axes.map(CSVTable.cell) + [CSVTable.cell(c.arm)]
          + [c.n, c.net, c.conversion, c.bad].map(CSVTable.cell)
          + [
            netFront.contains(i) ? "true" : "false",
            conversionFront.contains(i) ? "true" : "false",
          ])
    }
    return t
  }

  static func markdown(identity: JSONValue, pareto: CSVTable, axes: [String])
    -> String
  {
    var out = "# Fenqi sweep\n\n"
    if case .string(let file) = identity["scenarioFile"] ?? .null {
      out += "Scenario `\(MarkdownReport.escape(file))`"
    }
    let r = axesAndReplicates(identity).replicates
    out +=
      ", \(r) replicate\(r == 1 ? "" : "s") per point (common random numbers across points)"
    out += ".\n\n## Pareto frontier: net income against bad-debt rate\n\n"
    out +=
      "| point | " + axes.map(MarkdownReport.escape).joined(separator: " | ")
      + " | arm | net income, ¥ | conversion | bad-debt rate |\n|---|"
      + String(repeating: "---|", count: axes.count + 1) + "---:|---:|---:|\n"
    let h = pareto.header
    for row in pareto.rows
    where row[h.lastIndex(of: "frontier_net_income") ?? 0] == "true" {
      // Axes by position (point, axes, arm, …); the fixed columns from the end.
      func v(_ n: String) -> String { row[h.lastIndex(of: n) ?? 0] }
      out +=
        "| \(row[0]) | "
        + axes.indices.map { MarkdownReport.escape(row[1 + $0]) }.joined(
          separator: " | ")
      out +=
        " | \(MarkdownReport.escape(row[1 + axes.count])) | \(Formatting.money(Double(v("net_income")) ?? .nan)) | "
      out +=
        "\(Formatting.percent(Double(v("conversion")) ?? .nan)) | \(Formatting.percent(Double(v("bad_debt_rate")) ?? .nan)) |\n"
    }
    out +=
      "\nEvery point × arm is in `pareto.csv` (averaged over replicates); every unit in `sweep.csv`.\n"
    return out
  }
}
