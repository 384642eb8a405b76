import FenqiReport
import FenqiSimulation
import Testing

/// The targeting tables of populations too small for an off-policy interval: one logged customer
/// has no variance, and `off_policy.csv` used to trap building a range from NaN.
@Suite struct TargetingTablesTests {
  @Test(arguments: [1, 2, 3])
  func tinyTargetingRunsWriteTheirTablesWithEmptyIntervals(size: Int) throws {
    var s = try ScenarioLoader.load(
      path: repositoryRoot.appendingPathComponent("Scenarios/targeting.json")
        .path
    ).scenario
    s.population.size = size
    let r = SimulationEngine(scenario: s, threads: 1).run()
    let offPolicy = TargetingResultTables.offPolicy(r)
    #expect(offPolicy.rows.count == r.targeting?.offPolicy.count)
    for row in offPolicy.rows {
      let low = row[3]
      let high = row[4]
      // Either both ends are numbers in order, or both are unknown.
      if let l = Double(low), let h = Double(high) {
        #expect(l <= h)
      } else {  // unknown: empty cells, which pandas and Excel read as missing
        #expect(low.isEmpty && high.isEmpty)
      }
    }
    #expect(TargetingResultTables.months(r).rows.count > 0)
    _ = TargetingResultTables.uplift(r)
  }
}
