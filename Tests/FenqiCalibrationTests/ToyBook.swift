import FenqiCalibration
import FenqiCore
import Foundation

/// A toy lender's book whose moments are known nonlinear functions of four scenario fields,
/// with seeded sampling noise per replicate: the oracle of the calibration tests.
///
/// The fields are the baseline scenario's, but only their values matter here:
/// θ₀ = repayment.miss.intercept sets the ever-30 level a = logistic(θ₀); θ₁ = repayment.miss.burden
/// (log scale) sets its speed b = θ₁/10; θ₂ = repayment.roll.intercept sets the roll rates;
/// θ₃ = repayment.roll.latentRisk sets the monthly prepayment rate θ₃/20.
struct ToyBook: MomentSimulator {
  /// The free fields and their boxes.
  static let parameters:
    [(path: String, min: Double, max: Double, scale: String)] = [
      ("repayment.miss.intercept", -5, -1, "linear"),
      ("repayment.miss.burden", 0.5, 8, "log"),
      ("repayment.roll.intercept", -2, 2, "linear"),
      ("repayment.roll.latentRisk", 0.1, 2, "linear"),
    ]
  /// The true values.
  static let truth = [-3.0, 2.5, 0.3, 0.8]

  /// Loans behind each simulated replicate (sets the noise: a rate v has SD √(v(1−v)/n)).
  var loans: Double
  /// The seed of replicate 0.
  var seed: UInt64

  static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  /// The exact moments at θ, in a fixed order.
  static func exact(_ t: [Double]) -> [(name: String, value: Double)] {
    let a = logistic(t[0])
    let b = t[1] / 10
    let p = t[3] / 20
    var out: [(String, Double)] = []
    for mob in 1...12 {
      out.append(
        (String(format: "ever30.mob%02d", mob), a * (1 - exp(-b * Double(mob))))
      )
    }
    out.append(("roll.current.1-30", logistic(t[2] - 1)))
    out.append(("roll.1-30.31-60", logistic(t[2])))
    out.append(("roll.31-60.61-90", logistic(t[2] + 1)))
    for mob in [3, 6, 9, 12] {
      out.append(
        (String(format: "prepaid.mob%02d", mob), 1 - pow(1 - p, Double(mob))))
    }
    for mob in [6, 12] {
      out.append(
        (
          String(format: "chargeOff.mob%02d", mob),
          0.5 * a * (1 - exp(-b * Double(mob) / 2)) * logistic(t[2])
        ))
    }
    return out
  }

  /// The sampling SD of a rate measured on `n` loans.
  static func sd(_ v: Double, _ n: Double) -> Double {
    (Swift.max(v * (1 - v), 1e-12) / n).squareRoot()
  }

  func moments(at point: [Double], replicate: Int) throws -> [String: Double] {
    var out: [String: Double] = [:]
    for (m, (name, v)) in Self.exact(point).enumerated() {
      var s = RandomStream(
        key: StreamKey(
          seed: seed &+ UInt64(replicate), entity: UInt64(m), period: 0,
          purpose: Purpose(rawValue: 9_999)))
      out[name] = v + Self.sd(v, loans) * s.normal()
    }
    return out
  }

  /// `moments.json` of the true book measured on `loans` loans; with `noiseSeed`, each moment
  /// is drawn around its true value with its standard error.
  static func observedText(loans: Double, noiseSeed: UInt64? = nil) -> String {
    var entries: [JSONValue] = []
    for (m, (name, v)) in exact(truth).enumerated() {
      let se = sd(v, loans)
      var value = v
      if let noiseSeed {
        var s = RandomStream(
          key: StreamKey(
            seed: noiseSeed, entity: UInt64(m), period: 0,
            purpose: Purpose(rawValue: 9_998)))
        value += se * s.normal()
      }
      entries.append(
        .object([
          ("name", .string(name)), ("value", .number(value)),
          ("standardError", .number(se)),
          ("count", .number(loans)),
        ]))
    }
    return JSONWriter.text(
      .object([
        ("version", .number(1)), ("loans", .number(loans)),
        ("bootstrap", .number(0)),
        ("seed", .number(0)), ("moments", .array(entries)),
      ]))
  }

  /// A calibration file for the toy.
  static func calibrationText(
    budget: Int = 120, replicates: Int = 2, seed: Int = 11, draws: Int = 40,
    evaluations: Int? = nil, method: String = "bootstrap", extra: String = ""
  ) -> String {
    let parameters = Self.parameters.map {
      "{\"path\": \"\($0.path)\", \"min\": \($0.min), \"max\": \($0.max), \"scale\": \"\($0.scale)\"}"
    }.joined(separator: ",\n    ")
    let perDraw = evaluations.map { ", \"evaluationsPerDraw\": \($0)" } ?? ""
    return """
      {
        "scenario": "baseline.json",
        "moments": "moments.json",
        "parameters": [
          \(parameters)
        ],
        "budget": \(budget),
        "replicates": \(replicates),
        "seed": \(seed),
        "uncertainty": {"method": "\(method)", "draws": \(draws)\(perDraw)}\(extra)
      }
      """
  }

  /// The repository's baseline scenario.
  static let baseline: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return
      (try? String(
        contentsOf: root.appendingPathComponent("Scenarios/baseline.json"),
        encoding: .utf8))
      ?? ""
  }()

  /// Checked inputs from a calibration text, the baseline and a moments text.
  static func inputs(_ calibration: String, moments: String)
    throws(CalibrationError)
    -> CalibrationInputs
  {
    try CalibrationInputs.make(
      file: "calibration.json", calibrationText: calibration
    ) {
      named, path in
      switch named {
      case .scenario:
        return path == "baseline.json"
          ? .success(baseline) : .failure(.init("no such file"))
      case .moments:
        return path == "moments.json"
          ? .success(moments) : .failure(.init("no such file"))
      }
    }
  }
}
