import FenqiCore
import FenqiSimulation

/// The files a finished calibration writes, built from its result alone, so that a merged or
/// resumed run writes exactly what one uninterrupted process would have.
public enum CalibrationFiles {
  /// The output files, in the order they are written.
  public static let names = [
    "trials.csv", "fit.csv", "parameters.csv", "calibrated.json", "report.html",
  ]

  /// Every output file's name and text.
  ///
  /// - Throws: ``CalibrationFailure`` when the calibrated scenario does not validate (a
  ///   scenario rule the box's corners did not catch).
  public static func files(_ result: CalibrationResult)
    throws(CalibrationFailure) -> [(
      name: String, text: String
    )]
  {
    let calibrated = JSONWriter.text(result.calibrated)
    do {
      _ = try ScenarioLoader.parse(text: calibrated, file: "calibrated.json")
    } catch {
      throw CalibrationFailure(
        .method,
        "the scenario with the estimates written in does not validate: \(error.message)"
      )
    }
    let texts = [
      trials(result), fit(result), parameters(result), calibrated,
      CalibrationReport.page(result),
    ]
    return Array(zip(names, texts))
  }

  /// `trials.csv`: `trial, stage, <each path>, distance`, one row per evaluated point; the
  /// distance is to the observed moments (empty when the point lacks a fitted moment).
  public static func trials(_ r: CalibrationResult) -> String {
    CalibrationCSV.table(
      header: ["trial", "stage"] + r.inputs.paths + ["distance"],
      rows: zip(r.records, r.distances).map { record, distance in
        [String(record.trial), record.stage.rawValue]
          + record.point.map(CalibrationCSV.cell)
          + [CalibrationCSV.cell(distance)]
      })
  }

  /// `fit.csv`: one row per selected moment, in the moments file's order.
  ///
  /// Columns `moment, observed, standard_error, simulated, z`: simulated at the optimum,
  /// z = (simulated − observed) / the floored standard error. Moments the simulation never gave
  /// have empty simulated and z.
  public static func fit(_ r: CalibrationResult) -> String {
    let best = r.records[r.optimum]
    let fitted = Set(r.target.names)
    return CalibrationCSV.table(
      header: ["moment", "observed", "standard_error", "simulated", "z"],
      rows: r.inputs.selected.map { m in
        let s = fitted.contains(m.name) ? best.moment(m.name) : nil
        let z = s.map { ($0 - m.value) / MomentTarget.scale(m) }
        return [
          CalibrationCSV.cell(m.name), CalibrationCSV.cell(m.value),
          CalibrationCSV.cell(m.standardError), CalibrationCSV.cell(s),
          CalibrationCSV.cell(z),
        ]
      })
  }

  /// `parameters.csv`: `path, estimate, low, high`; the interval is the bootstrap's 95% one
  /// (empty without an uncertainty stage).
  public static func parameters(_ r: CalibrationResult) -> String {
    CalibrationCSV.table(
      header: ["path", "estimate", "low", "high"],
      rows: r.inputs.paths.indices.map { k in
        [
          CalibrationCSV.cell(r.inputs.paths[k]),
          CalibrationCSV.cell(r.estimate[k]),
          CalibrationCSV.cell(r.intervals?[k].low),
          CalibrationCSV.cell(r.intervals?[k].high),
        ]
      })
  }
}
