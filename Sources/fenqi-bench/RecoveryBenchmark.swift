import FenqiCalibration
import FenqiCore
import Foundation

/// `fenqi-bench recovery`: the parameter-recovery test of the calibration.
///
/// Over several trials, a world with known parameters writes a loan tape, its moments (with
/// bootstrap standard errors) are fitted by the method of simulated moments on another seed, and
/// the benchmark reports how often the 95% intervals cover the truth and how well the fitted
/// moments match.
enum RecoveryBenchmark {
  /// Default customers per simulated book: about 20,000 loans on the baseline's tape.
  static let defaultCustomers = 300_000

  static func run(_ args: [String]) {
    let file =
      FenqiBench.option("--scenario", in: args) ?? "Scenarios/baseline.json"
    let text: String
    switch CalibrationInputs.readText(file) {
    case .success(let t): text = t
    case .failure(let f): FenqiBench.fail("\(file): \(f.message)")
    }
    let document: JSONValue
    do { document = try JSONParser.parse(text) } catch {
      FenqiBench.fail("\(file): not valid JSON: \(error)")
    }
    let parameters = RecoveryParameter.baseline
    var truths: [Double] = []
    for p in parameters {
      guard let t = RecoveryParameter.value(at: p.path, in: document) else {
        FenqiBench.fail("\(file): no number at \(p.path)")
      }
      truths.append(t)
    }
    let d = parameters.count
    func count(_ name: String, _ value: Int) -> Int {
      FenqiBench.positiveInteger(name, in: args, default: value)
    }
    let setup = RecoveryTrial(
      scenarioFile: URL(fileURLWithPath: file).lastPathComponent,
      scenarioText: text, parameters: parameters, truths: truths,
      customers: count("--customers", defaultCustomers),
      burnInMonths: count("--burn-in", 6),
      bootstrap: count("--bootstrap", 100),
      budget: count("--budget", 250), draws: draws(args),
      method: method(args),
      evaluationsPerDraw: count(
        "--evaluations", UncertaintySettings.defaultEvaluations(parameters: d)),
      step: step(args), correlated: !args.contains("--independent"),
      threads: count("--threads", 2))
    let trials = count("--trials", 20)
    let first = count("--first-trial", 1)
    let verbose = args.contains("--verbose")
    emit([
      "recovery: \(trials) trial\(trials == 1 ? "" : "s") from \(first) · \(file) · \(setup.customers) customers, burn-in \(setup.burnInMonths) months · \(d) parameters · budget \(setup.budget) · \(setup.method.rawValue) intervals, \(setup.draws) draws\(setup.method == .bootstrap ? " × \(setup.evaluationsPerDraw) evaluations" : ", step \(setup.step)") · \(setup.bootstrap) tape bootstrap replicates, \(setup.correlated ? "correlated" : "independent") perturbations · \(setup.threads) threads"
    ])
    var outcomes: [RecoveryOutcome] = []
    for k in first..<(first + trials) {
      do {
        let outcome = try setup.run(k) { line in
          if verbose {
            FileHandle.standardError.write(Data("  \(line)\n".utf8))
          }
        }
        outcomes.append(outcome)
        emit(outcome.lines)
      } catch {
        FenqiBench.fail("trial \(k): \(error)")
      }
    }
    emit(summary(outcomes))
  }

  /// Writes lines to stdout at once (unbuffered, so a long run shows each trial as it ends).
  static func emit(_ lines: [String]) {
    FileHandle.standardOutput.write(
      Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  /// `--method bootstrap|sandwich` (default sandwich).
  static func method(_ args: [String]) -> UncertaintySettings.Method {
    guard let text = FenqiBench.option("--method", in: args) else {
      return .sandwich
    }
    guard let m = UncertaintySettings.Method(rawValue: text) else {
      FenqiBench.fail("--method expects bootstrap or sandwich, found '\(text)'")
    }
    return m
  }

  /// `--step`: the sandwich's central-difference half-step, unit-cube units.
  static func step(_ args: [String]) -> Double {
    guard let text = FenqiBench.option("--step", in: args) else {
      return UncertaintySettings.defaultStep
    }
    guard let v = Double(text), v > 0, v <= UncertaintySettings.maxStep else {
      FenqiBench.fail("--step expects a number in (0, 0.5], found '\(text)'")
    }
    return v
  }

  /// `--draws`: bootstrap draws, 0 for none (no intervals).
  static func draws(_ args: [String]) -> Int {
    guard let text = FenqiBench.option("--draws", in: args) else { return 1000 }
    guard let v = Int(text), v >= 0 else {
      FenqiBench.fail("--draws expects an integer ≥ 0, found '\(text)'")
    }
    return v
  }

  /// The summary over trials: coverage per parameter and overall, the fit, the time.
  static func summary(_ outcomes: [RecoveryOutcome]) -> [String] {
    guard let first = outcomes.first else { return ["summary: no trials"] }
    let n = outcomes.count
    var out = ["summary over \(n) trial\(n == 1 ? "" : "s"):"]
    var covered = 0
    var total = 0
    for k in first.paths.indices {
      let c = outcomes.count { $0.covers(k) == true }
      let t = outcomes.count { $0.covers(k) != nil }
      covered += c
      total += t
      out.append(
        "  coverage \(first.paths[k]): \(c)/\(t) (\(RecoveryOutcome.percent(Double(c) / Double(Swift.max(1, t)))))"
      )
    }
    out.append(
      "  coverage overall: \(covered)/\(total) (\(RecoveryOutcome.percent(Double(covered) / Double(Swift.max(1, total))))); nominal 95%"
    )
    for (label, pick) in [
      ("observed SE", { (o: RecoveryOutcome) in o.z }),
      (
        "observed-minus-simulated SE", { (o: RecoveryOutcome) in o.zDifference }
      ),
    ] as [(String, (RecoveryOutcome) -> [Double])] {
      let all = outcomes.flatMap(pick)
      let every = outcomes.count { RecoveryOutcome.withinTwo(pick($0)) == 1 }
      let largest = all.map(abs).max() ?? .nan
      out.append(
        "  fitted moments within 2 SE (\(label)): \(RecoveryOutcome.percent(RecoveryOutcome.withinTwo(all))) of \(all.count) · all of a trial's in \(every)/\(n) trials · largest |z| \(RecoveryOutcome.number(largest))"
      )
    }
    let missed = outcomes.count { $0.truthDistance < $0.distance }
    out.append(
      "  the truth fits better than the estimate (the search stopped short) in \(missed)/\(n) trials"
    )
    let seconds = outcomes.map(\.seconds).sorted()
    let loans = outcomes.map(\.loans)
    out.append(
      "  seconds per trial: median \(RecoveryOutcome.number(seconds[n / 2])), mean \(RecoveryOutcome.number(seconds.reduce(0, +) / Double(n))), max \(RecoveryOutcome.number(seconds[n - 1])) · loans per tape \(loans.min() ?? 0)–\(loans.max() ?? 0)"
    )
    return out
  }
}
