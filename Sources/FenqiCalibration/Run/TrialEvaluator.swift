import FenqiCore

/// Evaluates batches of points on a fixed number of threads: every (point, replicate) is one
/// task, each writes its own slot, and the replicates are combined in order, so the result never
/// depends on the thread count.
struct TrialEvaluator<Simulator: MomentSimulator>: Sendable {
  let simulator: Simulator
  let parameters: [FreeParameter]
  let replicates: Int
  let threads: Int

  /// One replicate's outcome.
  private enum Replicate: Sendable {
    case values([String: Double])
    case failed(String)
  }

  /// The natural-unit point of a unit-cube point.
  func natural(_ unit: [Double]) -> [Double] {
    zip(parameters, unit).map { $0.value(atUnit: $1) }
  }

  /// Evaluates every request; records in request order.
  func evaluate(
    _ requests: [(trial: Int, stage: CalibrationStage, unit: [Double])]
  )
    -> [TrialRecord]
  {
    let points = requests.map { natural($0.unit) }
    let r = replicates
    var slots = [Replicate?](repeating: nil, count: points.count * r)
    slots.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointMutableBuffer(buffer)
      let simulator = self.simulator
      ParallelChunks.forEach(count: points.count * r, threads: threads) {
        task in
        let (p, rep) = (task / r, task % r)
        do {
          out[task] = .values(
            try simulator.moments(at: points[p], replicate: rep))
        } catch {
          out[task] = .failed("replicate \(rep): \(error)")
        }
      }
    }
    return requests.indices.map { p in
      TrialRecord(
        trial: requests[p].trial, stage: requests[p].stage,
        unit: requests[p].unit,
        point: points[p], outcome: combine(slots[(p * r)..<((p + 1) * r)]))
    }
  }

  /// The mean over replicates of every moment all of them gave finite, summed in replicate
  /// order; the first failure when one failed.
  private func combine(_ slots: ArraySlice<Replicate?>) -> TrialRecord.Outcome {
    var all: [[String: Double]] = []
    for slot in slots {
      switch slot {
      case .values(let v): all.append(v)
      case .failed(let message): return .failed(message)
      case nil: return .failed("not evaluated")
      }
    }
    guard let first = all.first else { return .moments([:]) }
    var means: [String: Double] = [:]
    for name in first.keys.sorted() {
      var sum = 0.0
      var complete = true
      for values in all {
        guard let v = values[name], v.isFinite else {
          complete = false
          break
        }
        sum += v
      }
      if complete { means[name] = sum / Double(all.count) }
    }
    return .moments(means)
  }
}
