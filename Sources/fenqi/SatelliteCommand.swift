import FenqiCalibration
import FenqiCore
import FenqiCredit
import FenqiExperiment
import FenqiReport
import Foundation

/// `fenqi satellite TAPE.csv --macro MACRO.csv --scenario S.json`: the macro sensitivities of
/// the miss rate fitted from a lender's tape and its macro history, back-tested out of sample
/// and written into the scenario's `macro.vasicek`.
///
/// Everything is checked before anything is written; a problem exits 2 and writes nothing.
enum SatelliteCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "loan tape",
        valued: ["--macro", "--scenario", "--out", "--fit-through"],
        flags: ["--force"], help: HelpText.satellite,
        usage: HelpText.satelliteUsage,
        command: "satellite", console: console, exit: &code)
    else { return code }
    func usage(_ message: String) -> ExitCode {
      console.err(
        "Error: \(message)\n\(HelpText.satelliteUsage)\nSee 'fenqi satellite --help'."
      )
      return .badInput
    }
    guard let macroFile = args.values["--macro"],
      let scenarioFile = args.values["--scenario"]
    else {
      return usage(
        "give the macro history with --macro and the scenario with --scenario")
    }
    var fitThrough: Int?
    if let text = args.values["--fit-through"] {
      guard let n = Int(text) else {
        return usage(
          "'--fit-through' expects an integer month, found '\(text)'")
      }
      fitThrough = n
    }
    let out = args.values["--out"] ?? defaultOutput(scenarioFile)
    if let problem = MomentsCommand.outputProblem(
      out, force: args.flags.contains("--force"))
    {
      console.err("Error: \(problem)")
      return .badInput
    }
    guard let loaded = RunCommand.load(scenarioFile, console: console) else {
      return .badInput
    }
    guard let macro = loaded.scenario.macro else {
      console.err(
        "\(scenarioFile): $.macro: a satellite model writes into a macro path; none found"
      )
      return .badInput
    }
    let history: MacroHistory
    do {
      history = try MacroHistory(
        csv: Array(try Data(contentsOf: URL(fileURLWithPath: macroFile))))
    } catch let failure as CSVFailure {
      console.err("\(macroFile): line \(failure.line): \(failure.message)")
      return .badInput
    } catch {
      console.err("\(macroFile): cannot read: \(error.localizedDescription)")
      return .badInput
    }
    let tape: LoanTape
    do { tape = try LoanTapeReader.load(path: args.positionals[0]) } catch {
      console.err(error.message)
      return .badInput
    }
    let observations = SatelliteObservations(tape: tape)
    let rho = observations.segments.map {
      macro.vasicek.rho[$0] ?? macro.vasicek.defaultRho
    }
    let first = observations.periods.first ?? 0
    let last = observations.periods.last ?? 0
    let cut = fitThrough ?? (first + (last - first) * 2 / 3)
    let full: SatelliteModel
    let early: SatelliteModel
    do throws(SatelliteModel.Failure) {
      full = try SatelliteModel(observations, history: history, rho: rho)
      early = try SatelliteModel(
        observations, history: history, rho: rho, through: cut)
    } catch {
      switch error {
      case .historyMissing(let p):
        console.err(
          "\(macroFile): no row for month \(p), which the tape has loans in")
      case .notIdentified(let why):
        console.err("\(args.positionals[0]): \(why)")
      }
      return .badInput
    }
    let backTest = SatelliteBackTest(
      model: early, observations: observations, history: history)
    do {
      let text = try String(contentsOfFile: scenarioFile, encoding: .utf8)
      var doc = try JSONParser.parse(text)
      if doc["macro"]?["vasicek"] == nil {
        doc = try SweepGrid.set(.object([]), at: "macro.vasicek", in: doc)
      }
      for (k, d) in full.drivers.enumerated() {
        doc = try SweepGrid.set(
          .number(full.sensitivities[k]),
          at: "macro.vasicek." + d.scenarioField, in: doc)
      }
      try SweepCommand.atomicWrite(JSONWriter.text(doc), to: out)
    } catch {
      console.err("Error: cannot write '\(out)': \(error)")
      return .runFailed
    }
    console.out(
      summary(full: full, early: early, backTest: backTest, macro: macro))
    console.out("Fitted scenario written to \(out)")
    return .success
  }

  /// `<scenario stem>.fitted.json` in the working folder.
  static func defaultOutput(_ scenario: String) -> String {
    URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
      + ".fitted.json"
  }
}
