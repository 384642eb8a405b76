import FenqiCore
import FenqiExperiment
import FenqiReport
import Foundation

/// `fenqi power`: sample size or minimum detectable effect for a two-arm test.
///
/// Every input gives an answer or exit 2 with a message: options are checked here, and what the
/// formulas cannot answer (an effect of 0, a sample size past 10^307, no detectable rate in
/// [0, 1]) comes back as ``NotComputable``.
enum PowerCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    var numbers: [String: Double] = [:]
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words,
        valued: [
          "--baseline", "--mde", "--n", "--sd", "--alpha", "--power", "--ratio",
        ],
        flags: ["--relative", "--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.power)
        return .success
      }
      for (name, value) in args.values {
        guard let v = Double(value), v.isFinite else {
          throw Arguments.Problem(
            message: "'\(name)' expects a number, found '\(value)'")
        }
        numbers[name] = v
      }
      try validate(numbers)
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.powerUsage)\nSee 'fenqi power --help'."
      )
      return .badInput
    }
    do throws(NotComputable) {
      console.out(
        try report(numbers, relative: args.flags.contains("--relative")))
    } catch {
      console.err(
        "Error: \(error.description)\n\(HelpText.powerUsage)\nSee 'fenqi power --help'."
      )
      return .badInput
    }
    return .success
  }

  /// Checks the options' ranges, one message per problem, naming the option.
  static func validate(_ numbers: [String: Double]) throws(Arguments.Problem) {
    let alpha = numbers["--alpha"] ?? 0.05
    let power = numbers["--power"] ?? 0.8
    guard alpha > 0 && alpha < 1 else {
      throw Arguments.Problem(message: "'--alpha' expects a number in (0, 1)")
    }
    guard power > 0 && power < 1 else {
      throw Arguments.Problem(message: "'--power' expects a number in (0, 1)")
    }
    guard power > alpha else {
      throw Arguments.Problem(
        message:
          "'--power' (\(power)) must exceed '--alpha' (\(alpha)): with no data at all a two-sided test rejects with probability α"
      )
    }
    guard let baseline = numbers["--baseline"] else {
      throw Arguments.Problem(
        message: "missing '--baseline' (a rate, or a mean with --sd)")
    }
    guard (numbers["--mde"] == nil) != (numbers["--n"] == nil) else {
      throw Arguments.Problem(
        message:
          "give exactly one of '--mde' (to get a sample size) or '--n' (to get the detectable effect)"
      )
    }
    if numbers["--sd"] == nil && !(baseline > 0 && baseline < 1) {
      throw Arguments.Problem(
        message:
          "'--baseline' is a rate in (0, 1) unless '--sd' makes it a mean")
    }
    if let sd = numbers["--sd"], sd <= 0 {
      throw Arguments.Problem(message: "'--sd' expects a number > 0")
    }
    if let n = numbers["--n"], n < 2 {
      throw Arguments.Problem(message: "'--n' expects a number ≥ 2")
    }
    if let r = numbers["--ratio"], r <= 0 {
      throw Arguments.Problem(message: "'--ratio' expects a number > 0")
    }
  }

  /// The treatment value `--mde` asks to detect: baseline + mde, or baseline × (1 + mde).
  ///
  /// - Throws: when the target is not a rate in [0, 1] (without --sd), overflows, or equals the
  ///   baseline in double precision.
  static func target(_ v: [String: Double], relative: Bool)
    throws(NotComputable) -> Double
  {
    let baseline = v["--baseline"] ?? 0
    let mde = v["--mde"] ?? 0
    let target = relative ? baseline * (1 + mde) : baseline + mde
    let written =
      relative
      ? "--baseline × (1 + --mde) = \(target)"
      : "--baseline + --mde = \(target)"
    if v["--sd"] == nil, !(target >= 0 && target <= 1) {
      throw NotComputable("\(written) is not a rate in [0, 1]")
    }
    guard target.isFinite else {
      throw NotComputable("\(written) is not finite")
    }
    guard target != baseline else {
      throw NotComputable(
        "\(written) equals the baseline in double precision: an effect of 0 cannot be detected"
      )
    }
    return target
  }

  /// `x` for the terminal: compact, or scientific when compact would round it to 0.
  static func shown(_ x: Double) -> String {
    x != 0 && abs(x) < 1e-4 ? Formatting.scientific(x) : Formatting.compact(x)
  }

  /// The baseline and target, with every digit when compact forms would look equal.
  static func change(_ baseline: Double, _ target: Double) -> String {
    let (a, b) = (shown(baseline), shown(target))
    return a == b
      ? "\(JSONWriter.format(baseline)) → \(JSONWriter.format(target))"
      : "\(a) → \(b)"
  }

  static func report(_ v: [String: Double], relative: Bool)
    throws(NotComputable) -> String
  {
    let alpha = v["--alpha"] ?? 0.05
    let power = v["--power"] ?? 0.8
    let ratio = v["--ratio"] ?? 1
    let baseline = v["--baseline"] ?? 0
    // Fixed decimals, unless they would print 0.000 or a very long number.
    func setting(_ x: Double, _ digits: Int) -> String {
      (x >= 0.5 * pow(10, Double(-digits)) && x < 1e6)
        ? Formatting.fixed(x, digits: digits) : Formatting.scientific(x)
    }
    let settings =
      "two-sided α = \(setting(alpha, 3)), power \(setting(power, 2)), treatment:control = \(setting(ratio, 2))"
    if v["--mde"] != nil {
      let target = try target(v, relative: relative)
      let effect: Double
      if let sd = v["--sd"] {
        effect = (target - baseline) / sd
      } else {
        effect = try PowerAnalysis.cohensH(baseline, target)
      }
      let n = try PowerAnalysis.sampleSize(
        effect: effect, power: power, ratio: ratio, alpha: alpha)
      let control = n.rounded(.up)
      let treatment = (n * ratio).rounded(.up)
      guard (control + treatment).isFinite else {
        throw NotComputable(
          "the arms' sizes overflow a double (control \(control), treatment \(treatment))"
        )
      }
      return
        "to detect \(change(baseline, target)) (\(settings)):\n"
        + "  control arm:   \(Formatting.integer(control)) units\n  treatment arm: \(Formatting.integer(treatment)) units\n"
        + "  total:         \(Formatting.integer(control + treatment)) units"
    }
    let n = v["--n"] ?? 0
    let effect = try PowerAnalysis.minimumDetectableEffect(
      n: n, power: power, ratio: ratio, alpha: alpha)
    let target: Double
    if let sd = v["--sd"] {
      target = baseline + effect * sd
    } else {
      target = try PowerAnalysis.detectableRate(
        baseline: baseline, n: n, power: power, ratio: ratio, alpha: alpha)
    }
    return "with \(Formatting.integer(n)) control units (\(settings)):\n"
      + "  minimum detectable effect: \(change(baseline, target))"
      + " (absolute \(shown(target - baseline)), relative \(Formatting.percent(target / baseline - 1, digits: 1)))"
  }
}
