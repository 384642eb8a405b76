import FenqiCore

extension Comparison {
  /// The economics figures whose run-to-run differences are checked against the runs' noise.
  static let noiseItems = ["npv", "net_income", "bookings", "credit_loss"]

  /// One treatment arm's figure in a run and in the reference run, with both intervals.
  public struct NoiseCheck: Sendable, Equatable {
    /// The run compared with the reference.
    public var run: String
    /// The treatment arm.
    public var arm: String
    /// The `economics.csv` item, at the run's last horizon.
    public var item: String
    /// The difference of the increments (run − reference).
    public var difference: Double
    /// The half-width of a 95% interval on that difference: √(h₁² + h₂²), the runs' interval
    /// half-widths, as for two independent estimates; NaN when a run has no interval.
    public var noise: Double

    /// Whether the difference is inside the noise (or the noise is unknown).
    public var isInsideNoise: Bool {
      !noise.isFinite || abs(difference) <= noise
    }

    /// The warning line.
    public var warning: String {
      guard noise.isFinite else {
        return
          "\(run): \(arm)'s \(item) differs from the reference run's by \(Formatting.integer(difference)), but a run has no interval (declare experiment.replicates), so the difference may be noise"
      }
      return
        "\(run): \(arm)'s \(item) differs from the reference run's by \(Formatting.integer(difference)), inside their 95% noise of ±\(Formatting.integer(noise)); the runs do not tell these apart"
    }
  }

  /// Every treatment arm's economics compared with the reference run's (runs with
  /// `economics.csv` only).
  public var noiseChecks: [NoiseCheck] {
    guard let first = runs.first, let base = first.data.economics else {
      return []
    }
    var out: [NoiseCheck] = []
    for run in runs.dropFirst() {
      guard let table = run.data.economics else { continue }
      for arm in EconomicsSection.arms(table) {
        guard let h = EconomicsSection.horizons(table).last?.name else {
          continue
        }
        let mine = EconomicsSection.rows(table, arm: arm, horizon: h)
        let theirs = EconomicsSection.rows(base, arm: arm, horizon: h)
        for item in Self.noiseItems {
          guard let a = mine[item], let b = theirs[item] else { continue }
          let half = { (t: Table, row: [String]) in
            (t.number(row, "ci_high") - t.number(row, "ci_low")) / 2
          }
          let (h1, h2) = (half(table, a), half(base, b))
          let noise = (h1 * h1 + h2 * h2).squareRoot()
          out.append(
            NoiseCheck(
              run: run.label, arm: arm, item: "\(item) (\(h))",
              difference: table.number(a, "increment")
                - base.number(b, "increment"),
              noise: noise))
        }
      }
    }
    return out
  }

  /// The warnings: every difference inside the runs' noise.
  public var noiseWarnings: [String] {
    noiseChecks.filter(\.isInsideNoise).map(\.warning)
  }

  /// One line per run and treatment arm with differences inside the noise (for stderr).
  public var noiseSummary: [String] {
    var keys: [String] = []
    var items: [String: [String]] = [:]
    for c in noiseChecks where c.isInsideNoise {
      let key = "\(c.run), arm \(c.arm)"
      if items[key] == nil { keys.append(key) }
      items[key, default: []].append(c.item)
    }
    return keys.map {
      "\($0): \(items[$0, default: []].joined(separator: ", ")) differ from the reference run's by less than their noise (see the comparison's report)"
    }
  }
}
