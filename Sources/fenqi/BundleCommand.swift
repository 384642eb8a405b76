import FenqiCore
import FenqiDecision
import FenqiModels
import Foundation

/// `fenqi bundle --pd MODEL.json --out BUNDLE.json`: wraps a trained PD model into a decision
/// bundle, alone or as an arm of a run's bundle.
enum BundleCommand {
  struct Failure: Error {
    var message: String
  }

  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words,
        valued: [
          "--pd", "--out", "--base", "--arm", "--threshold", "--data",
          "--version",
        ],
        flags: ["--force", "--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.bundle)
        return .success
      }
      guard args.positionals.isEmpty else {
        throw Arguments.Problem(
          message: "unexpected argument '\(args.positionals[0])'")
      }
      for option in ["--pd", "--out"] where args.values[option] == nil {
        throw Arguments.Problem(message: "missing \(option)")
      }
      if let t = args.values["--threshold"],
        !(Double(t).map { $0 > 0 && $0 < 1 } ?? false)
      {
        throw Arguments.Problem(
          message: "--threshold: expected a probability in (0, 1), found '\(t)'"
        )
      }
      if args.values["--base"] == nil, args.values["--threshold"] == nil {
        throw Arguments.Problem(
          message: "missing --threshold (needed without --base)")
      }
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.bundleUsage)\nSee 'fenqi bundle --help'."
      )
      return .badInput
    }
    let out = args.values["--out"] ?? ""
    if FileManager.default.fileExists(atPath: out),
      !args.flags.contains("--force")
    {
      console.err("Error: '\(out)' exists; pass --force to replace it")
      return .badInput
    }
    let bundle: DecisionBundle
    do { bundle = try make(args) } catch {
      console.err(error.message)
      return .badInput
    }
    do { try bundle.write(to: URL(fileURLWithPath: out)) } catch {
      console.err("Error: cannot write '\(out)': \(error.localizedDescription)")
      return .runFailed
    }
    let names = bundle.arms.map(\.name).joined(separator: ", ")
    console.out(
      "Wrote \(out): version \(bundle.version), arms \(names), hash \(bundle.contentHash.prefix(12))"
    )
    return .success
  }

  static func make(_ args: Arguments) throws(Failure) -> DecisionBundle {
    let modelPath = args.values["--pd"] ?? ""
    let file: ModelFile
    do { file = try ModelFile.load(path: modelPath) } catch {
      throw Failure(message: "\(modelPath): \(error.description)")
    }
    let model: ScoringModel
    switch ScoringModel.bundling(file.model) {
    case .success(let m): model = m
    case .failure(let p):
      throw Failure(message: "\(modelPath): $.features: \(p.description)")
    }
    let rows = try args.values["--data"].map { path throws(Failure) in
      try tape(path)
    }
    var bundle: DecisionBundle
    if let base = args.values["--base"] {
      do {
        bundle = try DecisionBundle.load(from: URL(fileURLWithPath: base))
      } catch {
        throw Failure(message: error.description)
      }
    } else {
      let s = RiskStackSettings()
      bundle = DecisionBundle(
        version: "",
        fraud: FraudScreen(
          rules: s.fraud.rules, forest: nil, anomalyThreshold: 1),
        pricing: s.pricing, creditLines: nil,
        features: (0..<LenderFeature.count).map { _ in
          FeatureDistribution(values: [])
        },
        arms: [], reasonCount: s.reasonCount)
    }
    let names = bundle.arms.map(\.name)
    guard
      let armName = args.values["--arm"]
        ?? (names.count <= 1 ? names.first ?? "champion" : nil)
    else {
      throw Failure(
        message:
          "Error: --arm: the base bundle has arms \(names.joined(separator: ", ")); name the one that takes the model, or a new one"
      )
    }
    let template = bundle.arms.first { $0.name == armName } ?? bundle.arms.first
    let threshold =
      args.values["--threshold"].flatMap(Double.init) ?? template?.threshold
      ?? 0.1
    var scores = FeatureDistribution(values: [])
    var averagePD = template?.averagePD ?? threshold
    if let rows {
      bundle.features = DecisionBundle.distributions(of: rows)
      scores = DecisionBundle.scoreDistribution(model, rows: rows)
      if rows.count > 0 { averagePD = meanScore(model, rows) }
    }
    let arm = DecisionBundle.Arm(
      name: armName, mode: .model, threshold: threshold,
      fundingRate: template?.fundingRate ?? 0.035,
      cap: template?.cap ?? bundle.pricing?.aprCap ?? 0.24,
      rule: template?.rule
        ?? .init(minimumScore: 600, maxOpenLoans: 2, maxDebtToIncome: nil),
      averagePD: averagePD, pd: model, propensity: template?.propensity,
      fraudScreen: template?.fraudScreen ?? true, riskBasedPricing: true,
      scores: scores)
    if let k = names.firstIndex(of: armName) {
      bundle.arms[k] = arm
    } else {
      bundle.arms.append(arm)
    }
    let version =
      args.values["--version"]
      ?? URL(fileURLWithPath: modelPath).deletingPathExtension()
      .lastPathComponent
    guard (1...100).contains(version.count),
      !version.unicodeScalars.contains(where: {
        $0.properties.generalCategory == .control
      })
    else {
      throw Failure(
        message: "Error: --version: expected a label of 1 to 100 characters")
    }
    bundle.version = version
    return bundle
  }

  /// The feature rows of a tape with the 27 lender feature columns (others are ignored).
  static func tape(_ path: String) throws(Failure) -> TrainingRows {
    let table: FeatureTable
    do { table = try CSVTableLoader.load(path: path) } catch {
      throw Failure(message: "\(path): \(error.description)")
    }
    var columns: [[Double]] = []
    for name in LenderFeature.names {
      guard case .numeric(let values) = table.column(named: name) else {
        throw Failure(message: "\(path): expected a numeric column '\(name)'")
      }
      columns.append(values)
    }
    var rows = TrainingRows()
    var row = [Double](repeating: 0, count: LenderFeature.count)
    for r in 0..<table.rowCount {
      for f in 0..<LenderFeature.count { row[f] = columns[f][r] }
      row.withUnsafeBufferPointer {
        rows.append($0.start, label: 0, score: .nan)
      }
    }
    return rows
  }

  static func meanScore(_ model: ScoringModel, _ rows: TrainingRows) -> Double {
    var scratch = ScoringModel.Scratch()
    var row = [Double](repeating: 0, count: LenderFeature.count)
    var sum = 0.0
    for r in 0..<rows.count {
      sum += row.withUnsafeMutableBufferPointer {
        rows.row(r, into: $0.start)
        return model.probability($0.start, scratch: &scratch)
      }
    }
    return sum / Double(rows.count)
  }
}
