import FenqiCore
import Foundation

/// A run folder's results read back from its files: everything the reports need, so that a
/// report can be regenerated from the folder alone.
public struct RunData: Sendable {
  /// Why a run folder cannot be read.
  public enum Failure: Error, Equatable, Sendable {
    /// A required file is missing.
    case missingFile(String)
    /// A file is not what a run writes.
    case malformed(file: String, message: String)

    /// The message for stderr.
    public var message: String {
      switch self {
      case .missingFile(let path):
        return "\(path): missing; is this a fenqi run folder?"
      case .malformed(let file, let message): return "\(file): \(message)"
      }
    }
  }

  /// The files a run folder must hold for a report.
  public static let requiredFiles = RunFile.required.map(\.name)

  /// `summary.json`.
  public var summary: JSONValue
  /// `manifest.json`, when present.
  public var manifest: JSONValue?
  /// `periods.csv`.
  public var periods: Table
  /// `arms.csv`.
  public var arms: Table
  /// `segments.csv`.
  public var segments: Table
  /// `vintages.csv`.
  public var vintages: Table
  /// Every other table the folder holds, by file (`tests.csv` with an experiment,
  /// `channels.csv` with channels, and so on: see ``RunFile``).
  public var tables: [RunFile: Table] = [:]

  /// A table the folder holds besides the required ones, nil when the run did not write it.
  public subscript(_ file: RunFile) -> Table? { tables[file] }

  /// `economics.csv`, when the run had two arms or more.
  public var economics: Table? { tables[.economics] }
  /// `tests.csv`, when the run declared an experiment.
  public var tests: Table? { tables[.tests] }
  /// `channels.csv`, when the scenario has channels.
  public var channels: Table? { tables[.channels] }
  /// `contact_frequency.csv`, when the scenario has channels.
  public var contactFrequency: Table? { tables[.contactFrequency] }
  /// `macro.csv`, when the scenario has a macro path.
  public var macro: Table? { tables[.macro] }
  /// `ecl.csv`, when the scenario has a macro path.
  public var ecl: Table? { tables[.ecl] }
  /// `risk.csv`, when the scenario has a risk stack.
  public var risk: Table? { tables[.risk] }
  /// `targeting.csv`, with targeting policies.
  public var targeting: Table? { tables[.targeting] }
  /// `uplift.csv`, with targeting policies.
  public var uplift: Table? { tables[.uplift] }
  /// `off_policy.csv`, with targeting policies.
  public var offPolicy: Table? { tables[.offPolicy] }
  /// `business.csv`, with a `business` layer.
  public var business: Table? { tables[.business] }
  /// `value.csv`, with a `business` layer.
  public var value: Table? { tables[.value] }
  /// `merchants.csv`, with merchant agents.
  public var merchants: Table? { tables[.merchants] }

  /// Reads the run's files from texts keyed by file name (`manifest.json` optional).
  ///
  /// - Throws: ``Failure`` naming the file that is missing or malformed.
  public init(files: [String: String], folder: String = ".") throws(Failure) {
    func text(_ name: String) throws(Failure) -> String {
      guard let t = files[name] else { throw .missingFile(folder + "/" + name) }
      return t
    }
    func table(_ name: String) throws(Failure) -> Table {
      do {
        // Text cells written with a leading apostrophe against spreadsheet formulas read back
        // as the names they were.
        return try Table(csv: try text(name)).restoringNeutralisedText()
      } catch let e as Table.Failure {
        throw .malformed(
          file: folder + "/" + name, message: "line \(e.line): \(e.message)")
      } catch let e as Failure { throw e } catch {
        throw .malformed(file: name, message: "\(error)")
      }
    }
    do { summary = try JSONParser.parse(try text("summary.json")) } catch let e
      as JSONParser.SyntaxError
    {
      throw .malformed(
        file: folder + "/summary.json", message: "not valid JSON: \(e)")
    } catch let e as Failure { throw e } catch {
      throw .malformed(file: "summary.json", message: "\(error)")
    }
    manifest = files["manifest.json"].flatMap { try? JSONParser.parse($0) }
    periods = try table("periods.csv")
    arms = try table("arms.csv")
    segments = try table("segments.csv")
    vintages = try table("vintages.csv")
    for file in RunFile.allCases
    where file.isTable && file.feedsReports
      && !RunFile.required.contains(file) && files[file.name] != nil
    {
      tables[file] = try table(file.name)
    }
    for (name, t, columns) in [
      ("arms.csv", arms, ["arm", "conversion", "bookings"]),
      ("periods.csv", periods, ["period", "arm"]),
    ] where !columns.allSatisfy({ t.column($0) != nil }) {
      throw .malformed(
        file: folder + "/" + name,
        message: "expected the columns \(columns.joined(separator: ", "))")
    }
  }

  /// Reads a run folder from disk and checks what the reports take for granted of it (see
  /// ``validate(texts:folder:)``).
  ///
  /// - Throws: ``Failure`` naming the file (and the line or JSON path) that is missing,
  ///   malformed or inconsistent with the others.
  public static func load(folder: String) throws(Failure) -> RunData {
    var files: [String: String] = [:]
    for name in RunFile.allCases.filter(\.feedsReports).map(\.name) {
      let path = folder + "/" + name
      if let data = FileManager.default.contents(atPath: path),
        let t = String(data: data, encoding: .utf8)
      {
        files[name] = t
      }
    }
    let data = try RunData(files: files, folder: folder)
    try data.validate(texts: files, folder: folder)
    return data
  }

  /// The scenario's name.
  public var scenarioName: String { summary["scenario"]?.stringValue ?? "" }
  /// The scenario's description.
  public var description: String { summary["description"]?.stringValue ?? "" }
  /// A number from `summary.json`.
  public func summaryNumber(_ key: String) -> Double {
    summary[key]?.numberValue ?? .nan
  }
  /// The arms in file order.
  public var armNames: [String] { arms.rows.map { arms.text($0, "arm") } }
  /// A figure of an arm from `arms.csv`.
  public func armFigure(_ arm: String, _ column: String) -> Double {
    arms.rows(where: "arm", is: arm).first.map { arms.number($0, column) }
      ?? .nan
  }
  /// One column of `periods.csv` for one arm, in period order.
  public func series(_ arm: String, _ column: String) -> [Double] {
    periods.rows(where: "arm", is: arm).map { periods.number($0, column) }
  }
  /// The periods simulated.
  public var periodNumbers: [Int] {
    guard let first = armNames.first else { return [] }
    return periods.rows(where: "arm", is: first).map {
      Int(periods.number($0, "period"))
    }
  }
}

extension JSONValue {
  /// The string, if this is one.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The number, if this is one.
  public var numberValue: Double? {
    if case .number(let x) = self { return x }
    return nil
  }
}
