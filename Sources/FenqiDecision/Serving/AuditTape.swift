import FenqiCore
import Foundation

/// Turns a decision audit log (JSON lines, one decision each, as ``DecisionReply/auditLines``)
/// back into a loan-tape-like CSV: one row per decision with the ``LenderFeature`` columns in
/// their order and a `bad` label, ready for `fenqi train --target bad` once outcomes are joined.
public enum AuditTape {
  /// One decision read from the log.
  public struct Record: Sendable, Equatable {
    /// The caller's identifier (nil when the request gave none).
    public var applicationId: String?
    /// The arm that decided.
    public var arm: String
    /// The bundle version that decided.
    public var bundleVersion: String
    /// The outcome's name (`approved`, `declined_pd`, …).
    public var outcome: String
    /// The PD.
    public var pd: Double
    /// The offered APR (nil: none).
    public var apr: Double?
    /// The credit line, yuan (nil: none).
    public var creditLine: Double?
    /// The feature row, ``LenderFeature`` order.
    public var features: [Double]
  }

  /// A problem on one line of a log or outcomes file.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// What is wrong, with the JSON path where there is one.
    public var message: String
    /// `LINE: message` (the caller prefixes the file name).
    public var description: String { "\(line): \(message)" }
  }

  /// Reads every line of an audit log; blank lines are skipped.
  ///
  /// - Throws: every bad line's ``Failure`` (all of them, in line order).
  public static func records(_ text: String) throws(Failures) -> [Record] {
    var out: [Record] = []
    var failures: [Failure] = []
    for (i, line) in text.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated()
    where !line.allSatisfy(\.isWhitespace) {
      switch record(String(line)) {
      case .success(let r): out.append(r)
      case .failure(let message):
        failures.append(Failure(line: i + 1, message: message.text))
      }
    }
    guard failures.isEmpty else { throw Failures(all: failures) }
    return out
  }

  /// Every bad line of a file.
  public struct Failures: Error, Sendable, Equatable {
    /// The problems, in line order.
    public var all: [Failure]
  }

  struct Message: Error {
    var text: String
  }

  static func record(_ line: String) -> Result<Record, Message> {
    let value: JSONValue
    do { value = try JSONParser.parse(line) } catch {
      return .failure(Message(text: "not JSON: \(error.message)"))
    }
    guard case .object = value else {
      return .failure(
        Message(
          text: "$: expected an audit object, found \(value.shortDescription)"))
    }
    guard let response = value["response"], case .object = response else {
      return .failure(
        Message(
          text:
            "$.response: expected the decision object, found \(value["response"]?.shortDescription ?? "nothing")"
        ))
    }
    func string(_ key: String) -> Result<String, Message> {
      guard case .string(let s) = response[key] else {
        return .failure(
          Message(
            text:
              "$.response.\(key): expected a string, found \(response[key]?.shortDescription ?? "nothing")"
          ))
      }
      return .success(s)
    }
    func optionalNumber(_ v: JSONValue?, _ path: String) -> Result<
      Double?, Message
    > {
      switch v {
      case .none, .some(.null): return .success(nil)
      case .some(.number(let x)): return .success(x)
      case .some(let other):
        return .failure(
          Message(
            text:
              "\(path): expected a number or null, found \(other.shortDescription)"
          ))
      }
    }
    do {
      let arm = try string("arm").get()
      let version = try string("bundleVersion").get()
      let outcome = try string("outcome").get()
      guard case .number(let pd) = response["pd"] else {
        return .failure(
          Message(
            text:
              "$.response.pd: expected a number, found \(response["pd"]?.shortDescription ?? "nothing")"
          ))
      }
      let apr = try optionalNumber(response["apr"], "$.response.apr").get()
      let line = try optionalNumber(
        response["creditLine"]?["amount"], "$.response.creditLine.amount"
      ).get()
      var id: String?
      if let v = response["applicationId"] {
        guard case .string(let s) = v else {
          return .failure(
            Message(
              text:
                "$.response.applicationId: expected a string, found \(v.shortDescription)"
            ))
        }
        id = s
      }
      guard let features = value["features"], case .object = features else {
        return .failure(
          Message(
            text:
              "$.features: expected an object of the \(LenderFeature.count) features"
          ))
      }
      var row: [Double] = []
      for name in LenderFeature.names {
        guard case .number(let x) = features[name] else {
          return .failure(
            Message(
              text:
                "$.features.\(name): expected a number, found \(features[name]?.shortDescription ?? "nothing")"
            ))
        }
        row.append(x)
      }
      return .success(
        Record(
          applicationId: id, arm: arm, bundleVersion: version, outcome: outcome,
          pd: pd,
          apr: apr, creditLine: line, features: row))
    } catch {
      return .failure(error)
    }
  }

  /// The decision columns `--decisions` puts before the features.
  public static let decisionColumns = [
    "applicationId", "arm", "bundleVersion", "outcome", "pd", "apr",
    "creditLine",
  ]

  /// The tape's CSV text.
  ///
  /// - Parameters:
  ///   - records: the decisions, in log order.
  ///   - outcomes: `bad` labels by application identifier (0 or 1); when given, only the
  ///     decisions with an outcome are written (the others have not matured), else the `bad`
  ///     column is empty.
  ///   - decisions: whether to lead with ``decisionColumns`` (for monitoring and joins; leave
  ///     them out to train on the tape).
  /// - Returns: the CSV text, a header and one line per written decision.
  public static func csv(
    _ records: [Record], outcomes: [String: Int]?, decisions: Bool
  ) -> String {
    var header = LenderFeature.names + ["bad"]
    if decisions { header = decisionColumns + header }
    var out = header.joined(separator: ",") + "\n"
    for r in records {
      var label = ""
      if let outcomes {
        guard let id = r.applicationId, let bad = outcomes[id] else { continue }
        label = String(bad)
      }
      var cells: [String] = []
      if decisions {
        cells += [
          quoted(r.applicationId ?? ""), quoted(r.arm), quoted(r.bundleVersion),
          quoted(r.outcome),
          JSONWriter.format(r.pd), r.apr.map(JSONWriter.format) ?? "",
          r.creditLine.map(JSONWriter.format) ?? "",
        ]
      }
      cells += r.features.map(JSONWriter.format)
      cells.append(label)
      out += cells.joined(separator: ",") + "\n"
    }
    return out
  }

  /// Reads an outcomes file: a header `applicationId,bad`, then one identifier and 0 or 1 a
  /// line.
  ///
  /// - Throws: every bad line's ``Failure``.
  public static func outcomes(_ text: String) throws(Failures) -> [String: Int]
  {
    var out: [String: Int] = [:]
    var failures: [Failure] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map {
        $0.hasSuffix("\r") ? $0.dropLast() : $0
      }
    guard lines.first.map({ $0 == "applicationId,bad" }) == true else {
      throw Failures(all: [
        Failure(line: 1, message: "expected the header 'applicationId,bad'")
      ])
    }
    for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      guard cells.count == 2, !cells[0].isEmpty,
        cells[1] == "0" || cells[1] == "1"
      else {
        failures.append(
          Failure(
            line: i + 1,
            message:
              "expected an application identifier and 0 or 1, found '\(line)'"))
        continue
      }
      if out.updateValue(cells[1] == "1" ? 1 : 0, forKey: String(cells[0]))
        != nil
      {
        failures.append(
          Failure(
            line: i + 1, message: "application '\(cells[0])' appears twice"))
      }
    }
    guard failures.isEmpty else { throw Failures(all: failures) }
    return out
  }

  /// A CSV cell, quoted when it holds a comma, quote or line break.
  static func quoted(_ s: String) -> String {
    guard
      s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else {
      return s
    }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
