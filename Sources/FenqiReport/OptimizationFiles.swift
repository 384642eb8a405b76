import FenqiCore
import FenqiExperiment
import FenqiOptimization

/// The files of an optimisation folder: `optimization.json` (the optimisation file as given),
/// `trials.csv`, `frontier.csv`, `verification.csv`, `best.json` and `report.html`.
public enum OptimizationFiles {
  /// The folder's file names.
  public static let names = [
    "optimization.json", "trials.csv", "frontier.csv", "verification.csv",
    "best.json",
  ]

  /// `trials.csv`: every plan evaluated, with the unit-cube point the optimiser asked (read
  /// back by `--resume`).
  public static func trials(
    _ trials: [OptimizationTrial], settings: OptimizationSettings
  )
    -> CSVTable
  {
    let paths = settings.parameters.map(\.path)
    var t = CSVTable(
      header: ["trial", "batch"] + paths + ["objective"]
        + settings.constraints.map(\.label) + ["feasible", "problem"]
        + paths.map { "unit:" + $0 })
    for r in trials {
      t.append(
        [String(r.index), String(r.batch)] + r.values.map(cell) + [
          cell(r.objective)
        ]
          + r.constraints.map(cell) + [
            r.feasible ? "true" : "false", CSVTable.cell(r.problem),
          ]
          + r.unit.map { "\($0)" })
    }
    return t
  }

  /// Reads `trials.csv` back (for `--resume`); nil when it is not this optimisation's.
  public static func readTrials(_ text: String, settings: OptimizationSettings)
    -> [OptimizationTrial]?
  {
    guard let table = try? Table(csv: text) else { return nil }
    let d = settings.parameters.count
    let c = settings.constraints.count
    guard table.header.count == 2 + d + 1 + c + 2 + d else { return nil }
    return table.rows.compactMap { row -> OptimizationTrial? in
      let numbers = row.map { Double($0) ?? .nan }
      guard let index = Int(row[0]), let batch = Int(row[1]) else { return nil }
      let unit = Array(numbers[(5 + d + c)...])
      guard unit.allSatisfy(\.isFinite) else { return nil }
      return OptimizationTrial(
        index: index, batch: batch, unit: unit,
        values: Array(numbers[2..<(2 + d)]),
        objective: numbers[2 + d],
        constraints: Array(numbers[(3 + d)..<(3 + d + c)]),
        feasible: row[3 + d + c] == "true", problem: row[4 + d + c])
    }
  }

  /// `frontier.csv`: the frontier plans with their search figures and, where re-run, their
  /// figures on the selection seeds.
  public static func frontier(
    _ frontier: [OptimizationTrial], verified: [PlanOutcome],
    settings: OptimizationSettings
  ) -> CSVTable {
    let main = settings.constraints.first?.label ?? "constraint"
    var t = CSVTable(
      header: [
        "trial", main, "objective", "verified " + main, "verified objective",
      ]
        + settings.parameters.map(\.path))
    for r in frontier {
      let v = verified.first { $0.values == r.values }
      t.append(
        [String(r.index), cell(r.constraints.first ?? .nan), cell(r.objective)]
          + [cell(v?.constraints.first ?? .nan), cell(v?.objective ?? .nan)]
          + r.values.map(cell))
    }
    return t
  }

  /// `verification.csv`.
  public static func verification(_ rows: [VerificationRow]) -> CSVTable {
    var t = CSVTable(header: [
      "plan", "role", "figure", "value", "ci_low", "ci_high", "limit", "holds",
      "holds_across_interval",
    ])
    for r in rows {
      t.append(
        [CSVTable.cell(r.plan), r.role, CSVTable.cell(r.figure)]
          + [r.value, r.low, r.high].map(cell)
          + [
            CSVTable.cell(r.limit), r.holds ? "true" : "false",
            r.holdsAcrossInterval ? "true" : "false",
          ])
    }
    return t
  }

  /// A number's cell, empty when not finite.
  static func cell(_ x: Double) -> String { x.isFinite ? CSVTable.cell(x) : "" }
}
