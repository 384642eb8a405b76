import FenqiCore

extension SimulationEngine {
  /// The prepared population with its seasoned book: the burn-in (see ``Seasoning``) runs on a copy
  /// of every chunk, and each chunk takes over the loans still open at its end.
  ///
  /// Unchanged when the scenario has no seasoning.
  func seasoned(_ prepared: Prepared) -> Prepared {
    guard let seasoning = scenario.seasoning else { return prepared }
    let burn = scenario.burnInScenario(seasoning)
    let engine = SimulationEngine(
      scenario: burn, threads: threads, forcedArm: 0, mode: .normal)
    let tables = EngineTables(burn, forcedArm: 0)
    let fresh = Self.chunks(
      count: prepared.chunks.count, threads: threads
    ) { ChunkState(customers: prepared.chunks[$0].customers, tables: tables) }
    let burned = engine.simulate(Prepared(chunks: fresh, tables: tables)).chunks
    var out = prepared
    out.chunks.withUnsafeMutableBufferPointer { buffer in
      let shared = DisjointMutableBuffer(buffer)
      ParallelChunks.forEach(count: shared.count, threads: threads) { c in
        shared[c].adoptSeasonedBook(from: burned[c])
      }
    }
    return out
  }
}

extension ChunkState {
  /// Takes over a burn-in chunk's open loans, each borrower's open-loan count and booking
  /// ordinals (so the window's loans draw from fresh stream positions).
  mutating func adoptSeasonedBook(from burned: ChunkState) {
    loans = burned.loans
    loans.season(armOfCustomer: arm, recordsTape: tape.isRecording)
    openLoans = burned.openLoans
    bookingCount = burned.bookingCount
    windowBorrower = openLoans.map { $0 > 0 }
  }
}
