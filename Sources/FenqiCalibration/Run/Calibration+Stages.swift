import FenqiCore
import Foundation

/// How the global stage reports progress: about ten lines, each with the best distance so far
/// over the selected moments (a point lacking one counts as not yet usable).
struct GlobalProgress {
  var total: Int
  var target: MomentTarget
  var done = 0
  var best = Double.infinity
  var lastLine = 0

  init(total: Int, target: MomentTarget) {
    self.total = total
    self.target = target
  }

  /// Counts trials found in the store, without a line.
  mutating func skip(_ records: [TrialRecord]) {
    take(records)
    lastLine = done
  }

  /// Counts freshly evaluated trials, with a line every tenth of the stage.
  mutating func add(_ records: [TrialRecord], progress: (String) -> Void) {
    take(records)
    if done == total || done - lastLine >= Swift.max(1, total / 10) {
      lastLine = done
      progress(
        "global stage: \(done)/\(total) points · best distance \(ProgressText.distance(best))"
      )
    }
  }

  private mutating func take(_ records: [TrialRecord]) {
    for r in records {
      if case .moments(let m) = r.outcome {
        best = Swift.min(best, target.distance(target.names.map { m[$0] }))
      }
    }
    done += records.count
  }
}

/// Where a lockstep round finds a point's record: an earlier trial, or the round's j-th new one.
private enum TrialSource {
  case known(Int)
  case fresh(Int)
}

/// Numbers in progress lines.
enum ProgressText {
  /// A distance: 4 significant digits, or "none yet" when infinite.
  static func distance(_ x: Double) -> String {
    x.isFinite ? String(format: "%.4g", x) : "none yet"
  }
}

extension Calibration {
  /// A trial to evaluate: its number, stage and unit-cube point.
  typealias Request = (trial: Int, stage: CalibrationStage, unit: [Double])

  /// The records of `requests`: the store's where it holds them for the same stage and point,
  /// the others evaluated (`threads` points at a time) and stored in trial order.
  func obtain(
    _ requests: [Request], store: some TrialStore, progress: (String) -> Void,
    report: GlobalProgress? = nil
  ) throws(CalibrationFailure) -> [TrialRecord] {
    var out = [TrialRecord?](repeating: nil, count: requests.count)
    var missing: [Int] = []
    for (i, q) in requests.enumerated() {
      let name = "trials/" + TrialRecord.fileName(q.trial)
      switch store.stored(q.trial) {
      case .found(let r)
      where r.trial == q.trial && r.stage == q.stage && r.unit == q.unit:
        out[i] = r
      case .found:
        progress("\(name): holds another point; evaluating the trial again")
        missing.append(i)
      case .unusable(let why):
        progress("\(name): \(why); evaluating the trial again")
        missing.append(i)
      case .missing:
        missing.append(i)
      }
    }
    var report = report
    report?.skip(out.compactMap { $0 })
    var start = 0
    while start < missing.count {
      let chunk = Array(
        missing[start..<Swift.min(missing.count, start + threads)])
      let records = evaluator.evaluate(chunk.map { requests[$0] })
      for (i, r) in zip(chunk, records) {
        try store.save(r)
        out[i] = r
      }
      report?.add(records, progress: progress)
      start += chunk.count
    }
    let records = out.compactMap { $0 }
    precondition(
      records.count == requests.count,
      "a requested trial was neither found nor run")
    return records
  }

  /// Nelder–Mead from the best global points, in lockstep, with the local budget.
  func localStage(
    _ book: inout TrialBook, store: some TrialStore, progress: (String) -> Void
  ) throws(CalibrationFailure) {
    let d = dimension
    let budget = settings.localEvaluations
    let wanted = Swift.max(
      1,
      Swift.min(
        Self.maxLocalStarts, budget / (Self.localEvaluationsPerStart * (d + 1)))
    )
    let ranked = book.records.indices.filter { book.distances[$0].isFinite }
      .sorted {
        book.distances[$0] != book.distances[$1]
          ? book.distances[$0] < book.distances[$1] : $0 < $1
      }
    let starts = Array(ranked.prefix(wanted))
    var searches = starts.enumerated().map { k, i in
      NelderMead(
        start: book.records[i].unit, step: localStep,
        budget: budget / starts.count + (k < budget % starts.count ? 1 : 0))
    }
    guard let target = book.target else { return }
    let first = book.records.count
    try lockstep(
      &searches, stage: .local, book: &book, store: store, progress: progress
    ) {
      _, values in
      target.distance(values)
    } report: { book, _, finished in
      let best = book.best() ?? 0
      progress(
        "local stage: \(book.records.count - first) trials from \(starts.count) start\(starts.count == 1 ? "" : "s") · best distance \(ProgressText.distance(book.distances[best])) (trial \(best + 1))\(finished ? "" : " …")"
      )
    }
  }

  /// The bootstrap draws' re-minimised estimates (natural units), from the optimum, and the
  /// optimum: by Nelder–Mead (`bootstrap`; the optimum unchanged) or in the Gauss–Newton
  /// approximation (`sandwich`, ``sandwichStage(_:from:target:store:progress:)``, which may
  /// move the optimum by Gauss–Newton steps).
  func uncertaintyStage(
    _ book: inout TrialBook, from optimum: Int, store: some TrialStore,
    progress: (String) -> Void
  ) throws(CalibrationFailure) -> (draws: [[Double]], optimum: Int) {
    let u = settings.uncertainty
    guard u.draws > 0, let target = book.target else { return ([], optimum) }
    if u.method == .sandwich {
      return try sandwichStage(
        &book, from: optimum, target: target, store: store, progress: progress)
    }
    let targets = (0..<u.draws).map {
      target.perturbed(
        draw: $0, seed: settings.seed, replicates: settings.replicates)
    }
    var searches = (0..<u.draws).map { _ in
      NelderMead(
        start: book.records[optimum].unit, step: localStep / 2,
        budget: u.evaluationsPerDraw)
    }
    let first = book.records.count
    try lockstep(
      &searches, stage: .uncertainty, book: &book, store: store,
      progress: progress
    ) { k, values in
      targets[k].distance(values)
    } report: { book, done, finished in
      progress(
        "uncertainty stage: \(book.records.count - first) trials · \(done)/\(u.draws) bootstrap draws done\(finished ? "" : " …")"
      )
    }
    return (searches.map { evaluator.natural($0.best.point) }, optimum)
  }

  /// Runs `searches` together, one round at a time.
  ///
  /// Each round gathers every unfinished search's request, gives new points trial numbers in
  /// (search, point) order, evaluates them in one batch and hands each search its values,
  /// `objective(search, moments lined up)`. `report(book, searches finished, all finished)` is
  /// called every few trials and at the end.
  func lockstep(
    _ searches: inout [NelderMead], stage: CalibrationStage,
    book: inout TrialBook,
    store: some TrialStore, progress: (String) -> Void,
    objective: (Int, [Double?]) -> Double,
    report: (TrialBook, Int, Bool) -> Void
  ) throws(CalibrationFailure) {
    var lastReport = book.records.count
    while true {
      var asks: [(search: Int, sources: [TrialSource])] = []
      var fresh: [Request] = []
      var freshByKey: [[UInt64]: Int] = [:]
      for k in searches.indices {
        guard let points = searches[k].request else { continue }
        let sources = points.map { p -> TrialSource in
          let key = TrialBook.key(p)
          if let i = book.byPoint[key] { return .known(i) }
          if let j = freshByKey[key] { return .fresh(j) }
          freshByKey[key] = fresh.count
          fresh.append((book.records.count + fresh.count + 1, stage, p))
          return .fresh(fresh.count - 1)
        }
        asks.append((k, sources))
      }
      if asks.isEmpty { break }
      let base = book.records.count
      for r in try obtain(fresh, store: store, progress: progress) {
        book.append(r)
      }
      for (k, sources) in asks {
        let values = sources.map { s -> Double in
          switch s {
          case .known(let i): return objective(k, book.aligned[i])
          case .fresh(let j): return objective(k, book.aligned[base + j])
          }
        }
        searches[k].receive(values)
      }
      if book.records.count - lastReport >= Swift.max(5, 2 * threads) {
        lastReport = book.records.count
        report(book, searches.count(where: \.isFinished), false)
      }
    }
    report(book, searches.count, true)
  }
}
