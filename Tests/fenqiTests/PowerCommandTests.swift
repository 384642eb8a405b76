import Foundation
import Testing

@testable import fenqi

/// `fenqi power` on extreme values: an answer (exit 0) or a message naming what cannot be
/// answered (exit 2) — never a trap, a hang or an overflowed count.
@Suite struct PowerCommandTests {
  struct PowerCase: Sendable, CustomTestStringConvertible {
    var options: [String]
    var code: ExitCode
    var message: String
    var testDescription: String { options.joined(separator: " ") }
  }

  @Test(arguments: [
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "1e-300"], code: .badInput,
      message: "equals the baseline in double precision"),
    PowerCase(
      options: ["--baseline", "0", "--sd", "1", "--mde", "0.1", "--relative"],
      code: .badInput, message: "equals the baseline"),
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "0.6"], code: .badInput,
      message: "--baseline + --mde = 1.1 is not a rate in [0, 1]"),
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "0.1", "--power", "0.01"],
      code: .badInput, message: "'--power' (0.01) must exceed '--alpha' (0.05)"),
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "0.1", "--alpha", "0.999999999"],
      code: .badInput, message: "must exceed '--alpha'"),
    PowerCase(
      options: ["--baseline", "0.5", "--n", "2", "--alpha", "1e-300"],
      code: .badInput, message: "no rate in [0, 1] differs enough from 0.5"),
    PowerCase(
      options: ["--baseline", "1e300", "--sd", "1e-300", "--mde", "1"],
      code: .badInput, message: "equals the baseline"),
    PowerCase(
      options: ["--baseline", "0", "--sd", "1", "--mde", "1e-300"],
      code: .badInput, message: "overflows a double"),
    PowerCase(
      options: ["--baseline", "0.5", "--n", "1e300"], code: .success,
      message: "with 1.00e300 control units"),
    PowerCase(
      options: ["--baseline", "0.5", "--n", "1e308"], code: .success,
      message: "minimum detectable effect: 0.5 → 0.5"),
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "0.1", "--ratio", "1e-300"],
      code: .success,
      message: "control arm:   1.94e302 units\n  treatment arm: 194 units"),
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "0.1", "--ratio", "1e300"],
      code: .success, message: "control arm:   194 units"),
    PowerCase(
      options: ["--baseline", "0.999999", "--n", "100"], code: .success,
      message: "minimum detectable effect: 1 → 0.9609"),
    PowerCase(
      options: ["--baseline", "1e-300", "--n", "100"], code: .success,
      message: "minimum detectable effect: 1.00e-300 → 0.0387"),
    PowerCase(
      options: ["--baseline", "0.5", "--mde", "-0.5", "--alpha", "1e-300"],
      code: .success,
      message:
        "(two-sided α = 1.00e-300, power 0.80, treatment:control = 1.00):\n  control arm:   1,165 units"
    ),
    PowerCase(
      options: ["--baseline", "0.5", "--n", "1e400"], code: .badInput,
      message: "'--n' expects a number, found '1e400'"),
  ])
  func powerAnswersOrRefusesEveryExtremeInput(_ c: PowerCase) {
    let r = invoke(["power"] + c.options)
    #expect(r.code == c.code, "\(r.out)\(r.err)")
    #expect((r.out + r.err).contains(c.message), "\(r.out)\(r.err)")
  }

}
