import Foundation
import Testing

@testable import fenqi

@Suite struct MomentsCommandTests {
  static let header =
    "loan_id,customer_id,segment,origination_period,month_on_book,product,term,principal,apr,balance,dpd_bucket,status,paid,charge_off,recovery"

  /// `loans` two-month loans: current in month 1; every third goes 1-30 then charged off, the
  /// rest repay.
  static func goodTape(loans: Int) -> String {
    var lines = [header]
    for i in 0..<loans {
      lines.append("L\(i),C\(i),all,1,1,p,2,1000,0.2,500,current,open,510,0,0")
      lines.append(
        i % 3 == 0
          ? "L\(i),C\(i),all,1,2,p,2,1000,0.2,0,1-30,charged_off,0,500,0"
          : "L\(i),C\(i),all,1,2,p,2,1000,0.2,0,current,repaid,510,0,0")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func scratch(_ tape: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("fenqi-moments-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    try tape.write(
      to: dir.appendingPathComponent("tape.csv"), atomically: true,
      encoding: .utf8)
    return dir
  }

  @Test func badTapeExitsTwoAndWritesNothing() throws {
    let text =
      Self.header + "\n" + "A,c,all,1,1,p,2,1000,0.2,500,current,open,510,0,0\n"
      + "A,c,all,1,2,p,2,1000,0.2,0,current\n"
      + "B,c,all,1,1,p,2,1000,0.2,500,30+,open,510,0,0\n"
    let dir = try Self.scratch(text)
    defer { try? FileManager.default.removeItem(at: dir) }
    let tape = dir.appendingPathComponent("tape.csv").path
    let out = dir.appendingPathComponent("moments.json").path
    let r = invoke(["moments", tape, "--out", out])
    #expect(r.code == .badInput)
    #expect(
      r.err == """
        \(tape): 2 problems
          - line 3: expected 15 cells as in the header, found 11
          - line 4, column dpd_bucket: expected one of current, 1-30, 31-60, 61-90, 90+, found "30+"

        """)
    #expect(r.out.isEmpty)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path) == [
        "tape.csv"
      ])
  }

  @Test func goodTapeWritesTheSameFileForAnyThreadCount() throws {
    let dir = try Self.scratch(Self.goodTape(loans: 60))
    defer { try? FileManager.default.removeItem(at: dir) }
    let tape = dir.appendingPathComponent("tape.csv").path
    let one = dir.appendingPathComponent("one.json").path
    let two = dir.appendingPathComponent("two.json").path
    let r = invoke([
      "moments", tape, "--out", one, "--bootstrap", "50", "--threads", "1",
    ])
    #expect(r.code == .success, "\(r.err)")
    #expect(r.out.contains("Tape: 60 loans, 120 rows"))
    #expect(r.out.contains("Moments: "))
    #expect(
      invoke([
        "moments", tape, "--out", two, "--bootstrap", "50", "--threads", "2",
      ]).code == .success)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: one))
        == Data(contentsOf: URL(fileURLWithPath: two)))
    let again = invoke(["moments", tape, "--out", one])
    #expect(again.code == .badInput)
    #expect(again.err.contains("exists; pass --force to replace it"))
    #expect(
      invoke(["moments", tape, "--out", one, "--force"]).code == .success)
  }

  @Test(arguments: [
    (
      ["--bootstrap", "1"],
      "'--bootstrap' expects an integer in [2, 100000], found '1'"
    ),
    (
      ["--seed", "-3"],
      "'--seed' expects an integer in [0, 9007199254740991], found '-3'"
    ),
    (
      ["--boostrap", "9"],
      "unknown option '--boostrap'; did you mean '--bootstrap'?"
    ),
  ])
  func badOptionsAreBadUsage(_ words: [String], _ message: String) throws {
    let dir = try Self.scratch(Self.goodTape(loans: 3))
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = invoke(
      ["moments", dir.appendingPathComponent("tape.csv").path] + words)
    #expect(r.code == .badInput)
    #expect(r.err.hasPrefix("Error: \(message)\n"), "\(r.err)")
  }
}
