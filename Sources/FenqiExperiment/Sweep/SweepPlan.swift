import FenqiCore
import FenqiSimulation

/// A validated sweep: the scenario at every grid point, and the work units (point × replicate).
///
/// Replicate r of every point runs with seed + r, so the points of one replicate share their
/// random numbers and differences between points are not noise.
public struct SweepPlan: Sendable {
  /// The scenario file as given.
  public let file: String
  /// SHA-256 of the scenario file.
  public let sha256: String
  /// The grid.
  public let grid: SweepGrid
  /// Replicates per point.
  public let replicates: Int
  /// The scenario at each point.
  public let scenarios: [Scenario]

  /// Work units: points × replicates.
  public var unitCount: Int { scenarios.count * replicates }

  /// The point and replicate of unit `u`.
  public func unit(_ u: Int) -> (point: Int, replicate: Int) {
    (u / replicates, u % replicates)
  }

  /// Why a sweep cannot start.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every problem found, one per line.
    public var description: String
  }

  /// Checks every grid point before anything runs.
  public init(text: String, file: String, grid: SweepGrid, replicates: Int)
    throws(Failure)
  {
    self.file = file
    sha256 = SHA256.hexDigest(of: Array(text.utf8))
    self.grid = grid
    self.replicates = replicates
    let document: JSONValue
    do { document = try JSONParser.parse(text) } catch {
      throw Failure(description: "\(file): not valid JSON: \(error)")
    }
    guard grid.pointCount <= 100_000 else {
      throw Failure(
        description: "the grid has \(grid.pointCount) points; at most 100,000")
    }
    var scenarios: [Scenario] = []
    var problems: [String] = []
    for p in 0..<grid.pointCount {
      let label = "point \(p + 1) (\(Self.describe(grid, point: p)))"
      do {
        let doc = try grid.apply(point: p, to: document)
        scenarios.append(
          try ScenarioLoader.parse(text: JSONWriter.text(doc), file: file))
      } catch let e as SweepGrid.Problem {
        problems.append(e.description)
        break
      } catch let e as ScenarioError {
        problems.append(
          "\(label): " + e.problems.map(\.description).joined(separator: "; "))
      } catch {
        problems.append("\(label): \(error)")
      }
    }
    guard problems.isEmpty else {
      throw Failure(description: problems.joined(separator: "\n"))
    }
    self.scenarios = scenarios
  }

  /// `path=value` of every axis at point `p`.
  public func describe(point p: Int) -> String { Self.describe(grid, point: p) }

  static func describe(_ grid: SweepGrid, point p: Int) -> String {
    zip(grid.axes, grid.coordinates(p)).map { axis, i in
      "\(axis.path)=\(Self.text(axis.values[i]))"
    }.joined(separator: ", ")
  }

  /// A grid value as it appears in `sweep.csv`.
  public static func text(_ v: JSONValue) -> String {
    if case .string(let s) = v { return s }
    return v.shortDescription
  }

  /// Runs unit `u` and returns its arms' results.
  public func run(unit u: Int, threads: Int) -> RunResult {
    let (p, r) = unit(u)
    var s = scenarios[p]
    s.seed &+= UInt64(r)
    return SimulationEngine(scenario: s, threads: threads).run()
  }
}
