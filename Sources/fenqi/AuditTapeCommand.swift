import FenqiCore
import FenqiDecision
import Foundation

/// `fenqi audit-tape AUDIT.jsonl --out TAPE.csv`: turns a decision audit log back into a
/// loan-tape-like CSV for re-training and monitoring.
enum AuditTapeCommand {
  static func execute(_ words: [String], console: Console) -> ExitCode {
    var code = ExitCode.success
    guard
      let args = Arguments.single(
        words, noun: "audit log", valued: ["--out", "--outcomes"],
        flags: ["--decisions", "--force"], help: HelpText.auditTape,
        usage: HelpText.auditTapeUsage, command: "audit-tape", console: console,
        exit: &code)
    else { return code }
    let file = args.positionals[0]
    guard let out = args.values["--out"] else {
      console.err(
        "Error: missing --out <tape.csv>\n\(HelpText.auditTapeUsage)\nSee 'fenqi audit-tape --help'."
      )
      return .badInput
    }
    if FileManager.default.fileExists(atPath: out),
      !args.flags.contains("--force")
    {
      console.err("Error: '\(out)' exists; pass --force to replace it")
      return .badInput
    }
    guard let text = read(file, console: console) else { return .badInput }
    let records: [AuditTape.Record]
    do { records = try AuditTape.records(text) } catch {
      report(file, error, console: console)
      return .badInput
    }
    var outcomes: [String: Int]?
    if let path = args.values["--outcomes"] {
      guard let o = read(path, console: console) else { return .badInput }
      do { outcomes = try AuditTape.outcomes(o) } catch {
        report(path, error, console: console)
        return .badInput
      }
    }
    let csv = AuditTape.csv(
      records, outcomes: outcomes, decisions: args.flags.contains("--decisions")
    )
    do {
      try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      console.err("Error: cannot write '\(out)': \(error.localizedDescription)")
      return .runFailed
    }
    let rows = csv.split(separator: "\n").count - 1
    console.out(
      "Wrote \(out): \(rows) of \(records.count) decisions"
        + (outcomes == nil
          ? " (no outcomes: the bad column is empty)" : " with an outcome"))
    return .success
  }

  static func read(_ path: String, console: Console) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else {
      console.err("Error: cannot read '\(path)'")
      return nil
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Every bad line as `FILE:LINE: message` (the first 20, then a count).
  static func report(
    _ file: String, _ failures: AuditTape.Failures, console: Console
  ) {
    var lines = failures.all.prefix(20).map {
      "\(file):\($0.line): \($0.message)"
    }
    if failures.all.count > 20 {
      lines.append("… and \(failures.all.count - 20) more bad lines")
    }
    console.err(lines.joined(separator: "\n"))
  }
}
