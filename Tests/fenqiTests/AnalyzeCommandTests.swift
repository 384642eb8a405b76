import Foundation
import Testing

@testable import fenqi

/// `fenqi analyze` on degenerate and impossible statistics: exit 0 with "not computable" where the
/// data are real but say nothing, exit 2 naming the line or option where no data could produce
/// them.
@Suite struct AnalyzeCommandTests {
  static func write(_ text: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent("stats.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  struct Refused: Sendable, CustomTestStringConvertible {
    var name: String
    var csv: String
    var options: [String] = []
    var message: String
    var testDescription: String { name }
  }

  static let twoArms =
    "metric,kind,arm,n,sum\nc,proportion,a,100,5\nc,proportion,b,100,7\n"

  @Test(arguments: [
    Refused(
      name: "header only", csv: "metric,kind,arm,n,sum\n",
      message: "no data rows after the header"),
    Refused(
      name: "sum 1e308",
      csv:
        "metric,kind,arm,n,sum,sum_squares\ng,mean,a,100,1e308,1e308\ng,mean,b,100,5,50\n",
      message: "line 2, sum: 1e+308 is too large to analyse"),
    Refused(
      name: "sum of squares below sum²/n",
      csv:
        "metric,kind,arm,n,sum,sum_squares\ng,mean,a,10,100,50\ng,mean,b,10,5,50\n",
      message: "line 2, sum_squares: expected at least sum²/n = 1000"),
    Refused(
      name: "negative sum of squares",
      csv:
        "metric,kind,arm,n,sum,sum_squares\ng,mean,a,10,0,-4\ng,mean,b,10,5,50\n",
      message: "line 2, sum_squares: expected a sum of squares ≥ 0, found -4"),
    Refused(
      name: "proportion sum of squares not its successes",
      csv:
        "metric,kind,arm,n,sum,sum_squares\nc,proportion,a,100,5,9\nc,proportion,b,100,7,\n",
      message:
        "line 2, sum_squares: a proportion's sum of squares equals its successes"
    ),
    Refused(
      name: "proportion above 1",
      csv:
        "metric,kind,arm,n,sum\nc,proportion,a,100,5\nc,proportion,b,100,170\n",
      message: "line 3, sum: expected successes in [0, n], found 170"),
    Refused(
      name: "correlation above 1",
      csv: """
        metric,kind,arm,n,sum,sum_squares,denominator_sum,denominator_sum_squares,sum_cross
        r,ratio,a,4,4,8,4,8,100
        r,ratio,b,4,4,8,4,8,6

        """,
      message: "line 2, sum_cross: implies a correlation of"),
    Refused(
      name: "allocation missing an arm", csv: twoArms,
      options: ["--allocation", "a=1"],
      message: "--allocation: no share for arm 'b'"),
    Refused(
      name: "allocation naming an unknown arm", csv: twoArms,
      options: ["--allocation", "a=1,b=1,c=1"],
      message: "--allocation: no arm named 'c' in the file"),
    Refused(
      name: "allocation naming an arm twice", csv: twoArms,
      options: ["--allocation", "a=1,b=1,a=2"],
      message: "--allocation: arm 'a' appears more than once"),
    Refused(
      name: "allocation with a zero share", csv: twoArms,
      options: ["--allocation", "a=0,b=1"],
      message:
        "--allocation: expected arm=share pairs with shares > 0, found 'a=0'"),
    Refused(
      name: "an α that is not a number", csv: twoArms,
      options: ["--alpha", "abc"],
      message: "'--alpha' expects a number in (0, 1), found 'abc'"),
    Refused(
      name: "control missing from a metric",
      csv:
        "metric,kind,arm,n,sum\nc,proportion,a,100,5\nc,proportion,b,100,7\nd,proportion,b,100,5\nd,proportion,c,100,7\n",
      options: ["--control", "a"],
      message: "--control: metric 'd' has no arm named 'a'"),
  ])
  func analyzeRefusesImpossibleInputWithTheLine(_ c: Refused) throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.write(c.csv, in: dir)
    let out = dir.appendingPathComponent("out").path
    let r = invoke(["analyze", file, "--out", out] + c.options)
    #expect(r.code == .badInput, "\(r.out)\(r.err)")
    #expect(r.err.contains(c.message), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func zeroVarianceArmsAreNotComputableAndTheSampleRatioIsInTestsCSV()
    throws
  {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try Self.write(
      """
      metric,kind,arm,n,sum,sum_squares
      gmv,mean,a,10,50,250
      gmv,mean,b,12,84,588
      spend,mean,a,10,50,300
      spend,mean,b,12,84,650

      """, in: dir)
    let out = dir.appendingPathComponent("out")
    let r = invoke([
      "analyze", file, "--out", out.path, "--allocation", "a=1,b=1",
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.contains("not computable: both arms have zero variance"))
    #expect(r.out.contains("sample ratio (gmv): χ² = 0.182, p = 0.6698"))
    let lines = try String(
      contentsOf: out.appendingPathComponent("tests.csv"), encoding: .utf8
    ).split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(header.suffix(3) == ["decision", "srm_p_value", "not_computable"])
    #expect(
      lines[1].hasPrefix(
        "gmv,b,a,5,7,2,,,0.3999999999999999,,,,,,,,0.95,Welch t-test,not computable,0.6698"
      ))
    #expect(
      lines[1].hasSuffix(
        ",\"both arms have zero variance (every unit has the same value within each arm), so the t-test has no estimate of noise\""
      ))
    #expect(lines[2].contains(",Welch t-test,no significant difference,0.6698"))
    #expect(lines[2].hasSuffix(","))
  }

}
