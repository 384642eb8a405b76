import Foundation
import Testing

@testable import fenqi

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// Runs the command in-process and captures its streams.
func invoke(_ words: [String]) -> (code: ExitCode, out: String, err: String) {
  final class Box: @unchecked Sendable { var out = "", err = "" }
  let box = Box()
  let code = Fenqi.run(
    words,
    console: Console(
      out: { box.out += $0 + "\n" }, err: { box.err += $0 + "\n" }))
  return (code, box.out, box.err)
}

func path(_ relative: String) -> String {
  repositoryRoot.appendingPathComponent(relative).path
}

@Suite struct CommandLineTests {
  @Test func helpIsAvailableEverywhere() {
    for words in [
      ["--help"], ["help"], ["run", "--help"], ["validate", "-h"],
      ["help", "run"],
    ] {
      let r = invoke(words)
      #expect(r.code == .success)
      #expect(r.out.contains("USAGE: fenqi"))
    }
    // Bare `fenqi` is a request for help, not a mistake.
    let bare = invoke([])
    #expect(bare.code == .success && bare.err.isEmpty)
    #expect(bare.out == HelpText.overview + "\n")
  }

  @Test func unknownCommandsAndOptionsAreBadUsageWithHints() {
    let command = invoke(["rnu"])
    #expect(
      command.code == .badInput
        && command.err.contains("unknown command 'rnu'; did you mean 'run'?"))
    let option = invoke(["run", path("Scenarios/baseline.json"), "--sed", "3"])
    #expect(
      option.code == .badInput
        && option.err.contains("unknown option '--sed'; did you mean '--seed'?")
    )
    let threads = invoke([
      "run", path("Scenarios/baseline.json"), "--threads", "0",
    ])
    #expect(
      threads.code == .badInput
        && threads.err.contains(
          "'--threads' expects a positive integer, found '0'")
    )
  }

  @Test(arguments: [
    "misspelt-key.json", "shares-sum.json", "negative-size.json",
    "not-json.json", "many-problems.json",
  ])
  func validateRejectsBrokenScenariosWithExitTwo(file: String) {
    let r = invoke([
      "validate", path("Tests/FenqiSimulationTests/Invalid/\(file)"),
    ])
    #expect(r.code == .badInput)
    #expect(r.err.contains("\(file): "))
    #expect(r.out.isEmpty)
  }

  @Test func validateAcceptsTheBaselineAndReportsAMissingFile() {
    let ok = invoke(["validate", path("Scenarios/baseline.json")])
    #expect(
      ok.code == .success
        && ok.out.contains("valid — 100000 customers, 12 months, 2 arms"))
    let missing = invoke(["validate", "nowhere.json"])
    #expect(
      missing.code == .badInput
        && missing.err
          == "nowhere.json: cannot read the scenario: no such file\n"
    )
  }

  @Test func aBadScenarioWritesNothing() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-cli-\(UUID().uuidString)")
    let r = invoke([
      "run", path("Tests/FenqiSimulationTests/Invalid/shares-sum.json"),
      "--out", out.path, "--quiet",
    ])
    #expect(r.code == .badInput)
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func runWritesTheRunFolderAndRefusesToOverwriteIt() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-cli-\(UUID().uuidString)")
    let small = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-cli-\(UUID().uuidString).json")
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: small)
    }
    let text = try String(
      contentsOfFile: path("Scenarios/peer-lifecycle.json"), encoding: .utf8)
    try text.replacingOccurrences(
      of: "\"size\": 1000000", with: "\"size\": 5000"
    ).write(to: small, atomically: true, encoding: .utf8)
    let first = invoke([
      "run", small.path, "--out", out.path, "--quiet", "--threads", "2",
      "--seed", "7",
    ])
    #expect(first.code == .success, "\(first.err)")
    #expect(first.err.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
      .sorted()
    #expect(
      files == [
        "arms.csv", "economics.csv", "manifest.json", "periods.csv",
        "report.html",
        "report.md", "roll_rates.csv",
        "segments.csv", "summary.json",
        "vintages.csv",
      ])
    let manifest = try String(
      contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(
      manifest.contains("\"seed\": 7")
        && manifest.contains("\"scenarioSHA256\""))
    let again = invoke(["run", small.path, "--out", out.path, "--quiet"])
    #expect(again.code == .badInput && again.err.contains("exists already"))
  }

  @Test func reportRegeneratesAndCompareCombinesRunFolders() throws {
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-cli-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: temp) }
    try FileManager.default.createDirectory(
      at: temp, withIntermediateDirectories: true)
    let small = temp.appendingPathComponent("small.json")
    let text = try String(
      contentsOfFile: path("Scenarios/peer-lifecycle.json"), encoding: .utf8)
    try text.replacingOccurrences(
      of: "\"size\": 1000000", with: "\"size\": 4000"
    ).write(to: small, atomically: true, encoding: .utf8)
    let one = temp.appendingPathComponent("one").path
    let two = temp.appendingPathComponent("two").path
    #expect(
      invoke(["run", small.path, "--out", one, "--quiet"]).code == .success)
    #expect(
      invoke(["run", small.path, "--out", two, "--quiet", "--seed", "3"]).code
        == .success)
    let before = try String(
      contentsOfFile: one + "/report.html", encoding: .utf8)
    try FileManager.default.removeItem(atPath: one + "/report.html")
    let report = invoke(["report", one])
    #expect(report.code == .success && report.out == one + "/report.html\n")
    #expect(
      try String(contentsOfFile: one + "/report.html", encoding: .utf8)
        == before)
    let out = temp.appendingPathComponent("cmp").path
    let compare = invoke(["compare", one, two, "--out", out])
    #expect(compare.code == .success, "\(compare.err)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "comparison.csv", "comparison.html", "comparison.md",
      ])
    let notARun = invoke(["report", temp.path])
    #expect(
      notARun.code == .badInput
        && notARun.err.contains(
          "summary.json: missing; is this a fenqi run folder?")
    )
    let tooFew = invoke(["compare", one])
    #expect(
      tooFew.code == .badInput
        && tooFew.err.contains("expected at least two run folders, found 1"))
    let badFolder = invoke([
      "compare", one, temp.appendingPathComponent("nope").path, "--out",
      temp.appendingPathComponent("cmp2").path,
    ])
    #expect(
      badFolder.code == .badInput
        && !FileManager.default.fileExists(
          atPath: temp.appendingPathComponent("cmp2").path)
    )
  }
}

@Suite struct AnalyzeAndPowerTests {
  func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-stats-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func analyzeWritesTestsCSVFromSummaryStatistics() throws {
    let stats = try write(
      """
      metric,kind,arm,n,sum,sum_squares,denominator_sum,denominator_sum_squares,sum_cross
      conversion,proportion,control,10000,480,,,,
      conversion,proportion,treatment,10000,560,,,,
      bad_debt,ratio,control,4000,120,90,900000,300000000,25000
      bad_debt,ratio,treatment,4000,150,120,950000,320000000,31000
      """)
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fenqi-analysis-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: stats)
      try? FileManager.default.removeItem(at: out)
    }
    let r = invoke([
      "analyze", stats.path, "--out", out.path, "--allocation",
      "control=0.5,treatment=0.5",
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(
      r.out.contains("conversion · treatment vs control")
        && r.out.contains("sample ratio (conversion)"))
    let text = try String(
      contentsOf: out.appendingPathComponent("tests.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(
      lines[1].hasPrefix("conversion,treatment,control,0.048,0.056,0.008,"))
    #expect(lines[2].contains("delta-method z-test (ratio)"))
  }

  @Test func analyzeReportsEveryProblemWithItsLine() throws {
    let stats = try write(
      "metric,kind,arm,n,sum\nx,propotion,a,1,3\nx,proportion,b,100,200\n")
    defer { try? FileManager.default.removeItem(at: stats) }
    let r = invoke(["analyze", stats.path])
    #expect(r.code == .badInput)
    #expect(
      r.err.contains(
        "line 2, kind: expected one of proportion, mean, ratio, found 'propotion'; did you mean 'proportion'?"
      ))
    #expect(r.err.contains("line 2, n: expected an integer ≥ 2, found '1'"))
    #expect(
      r.err.contains("line 3, sum: expected successes in [0, n], found 200"))
    #expect(!r.err.contains("sum_squares"))
    let alpha = invoke(["analyze", stats.path, "--alpha", "1.5"])
    #expect(
      alpha.code == .badInput
        && alpha.err.contains("'--alpha' expects a number in (0, 1)"))
  }

  @Test func powerAnswersSampleSizeAndDetectableEffect() {
    let n = invoke([
      "power", "--baseline", "0.05", "--mde", "0.1", "--relative",
    ])
    // NormalIndPower gives 31,217.4 per arm for 5% → 5.5% (see FenqiExperimentTests).
    #expect(n.code == .success && n.out.contains("control arm:   31,218 units"))
    let mde = invoke(["power", "--baseline", "0.05", "--n", "20000"])
    #expect(
      mde.code == .success
        && mde.out.contains("minimum detectable effect: 0.05 → 0.0563"))
    let both = invoke([
      "power", "--baseline", "0.05", "--n", "20000", "--mde", "0.01",
    ])
    #expect(
      both.code == .badInput && both.err.contains("give exactly one of '--mde'")
    )
    let rate = invoke(["power", "--baseline", "5", "--mde", "0.01"])
    #expect(
      rate.code == .badInput
        && rate.err.contains("'--baseline' is a rate in (0, 1) unless '--sd'"))
  }
}
