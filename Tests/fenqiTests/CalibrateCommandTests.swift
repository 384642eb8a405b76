import Foundation
import Testing

@testable import fenqi

@Suite struct CalibrateCommandTests {
  /// A scratch folder with a 1,500-customer baseline, a moments file of its charge-off curve's
  /// shape and a calibration file over two repayment fields.
  static func scratch(calibration: String? = nil) throws -> URL {
    let dir = try scratchWithScenarios()
    let moments = (1...11).map { mob in
      let value = mob < 5 ? 0 : 0.004 * Double(mob - 4)
      return
        "{\"name\": \"chargeOff.mob\(mob < 10 ? "0" : "")\(mob)\", \"value\": \(value), \"standardError\": 0.002, \"count\": 1500}"
    }.joined(separator: ",\n    ")
    try "{\"version\": 1, \"loans\": 1500, \"moments\": [\n    \(moments)\n]}\n"
      .write(
        to: dir.appendingPathComponent("moments.json"), atomically: true,
        encoding: .utf8)
    try
      (calibration
        ?? """
        {"scenario": "small.json", "moments": "moments.json",
         "parameters": [{"path": "repayment.miss.intercept", "min": -5, "max": -2.5},
                        {"path": "repayment.roll.intercept", "min": -0.5, "max": 1.5}],
         "budget": 17, "replicates": 1, "seed": 3,
         "uncertainty": {"draws": 2, "evaluationsPerDraw": 4}}
        """).write(
        to: dir.appendingPathComponent("calibration.json"), atomically: true,
        encoding: .utf8)
    return dir
  }

  @Test func aBadCalibrationFileExitsTwoNamingEveryProblemAndWritesNothing()
    throws
  {
    let dir = try Self.scratch(
      calibration: """
        {"scenario": "small.json", "moments": "nothing.json",
         "parameters": [{"path": "repayment.roll.interceptt", "min": 0, "max": 1},
                        {"path": "repayment.miss.burden", "min": 0, "max": 3, "scale": "log"}],
         "budget": 5, "seed": 3}
        """)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let before = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .sorted()
    let r = invoke([
      "calibrate", dir.appendingPathComponent("calibration.json").path, "--out",
      out,
    ])
    #expect(r.code == .badInput)
    #expect(r.out.isEmpty)
    let file = dir.appendingPathComponent("calibration.json").path
    #expect(
      r.err == """
        \(file): 4 problems
          - $.parameters[1].min: expected a number > 0 on a log scale, found 0
          - $.budget: expected an integer in [17, 1000000] (the global stage takes 60% of the budget and needs 5 points per parameter, the local stage 2·(parameters + 1) evaluations), found 5
          - $.parameters[0].path: the scenario has no field 'repayment.roll.interceptt'; did you mean 'intercept'?
          - $.moments: cannot read the moments file 'nothing.json': no such file

        """)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        == before)
  }

  @Test func twoShardsMergedEqualTheUnshardedCalibration() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("calibration.json").path
    let whole = dir.appendingPathComponent("whole").path
    let r = invoke([
      "calibrate", file, "--out", whole, "--threads", "2", "--quiet",
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out == whole + "\n")
    var shards: [String] = []
    for i in 1...2 {
      let out = dir.appendingPathComponent("shard\(i)").path
      let s = invoke([
        "calibrate", file, "--out", out, "--shard", "\(i)/2", "--quiet",
      ])
      #expect(s.code == .success, "\(s.err)")
      shards.append(out)
    }
    let merged = dir.appendingPathComponent("merged").path
    let m = invoke(["merge"] + shards + ["--out", merged])
    #expect(m.code == .success, "\(m.err)")
    let a = try SweepCommandTests.files(URL(fileURLWithPath: whole))
    let b = try SweepCommandTests.files(URL(fileURLWithPath: merged))
    #expect(a.keys.sorted() == b.keys.sorted())
    #expect(a == b)
    for name in [
      "/trials.csv", "/fit.csv", "/parameters.csv", "/calibrated.json",
      "/report.html",
    ] {
      #expect(a[name] != nil, "\(name)")
    }
    // The calibrated scenario runs.
    let run = invoke([
      "run", whole + "/calibrated.json", "--out",
      dir.appendingPathComponent("run").path,
      "--quiet",
    ])
    #expect(run.code == .success, "\(run.err)")
    // An existing folder is continued only with --resume.
    let again = invoke(["calibrate", file, "--out", whole, "--quiet"])
    #expect(again.code == .badInput)
    #expect(
      again.err
        == "Error: '\(whole)' exists; pass --resume to continue the calibration in it, or choose another --out\n"
    )
    let resumed = invoke([
      "calibrate", file, "--out", whole, "--resume", "--quiet",
    ])
    #expect(resumed.code == .success, "\(resumed.err)")
    #expect(try SweepCommandTests.files(URL(fileURLWithPath: whole)) == a)
  }
}
