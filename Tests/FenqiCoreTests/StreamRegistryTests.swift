import FenqiCore
import Testing

@Suite struct StreamRegistryTests {
  @Test func noTwoPurposesShareARawValue() {
    let raw = StreamRegistry.streams.map(\.purpose.rawValue)
    #expect(Set(raw).count == raw.count, "\(raw.sorted())")
    let names = StreamRegistry.streams.map(\.name)
    #expect(Set(names).count == names.count)
  }

  @Test func noTwoCustomerMonthPositionsOverlap() {
    let positions = StreamRegistry.customerMonthPositions
    for (i, a) in positions.enumerated() {
      #expect(!a.counters.isEmpty, "\(a.name)")
      for b in positions[(i + 1)...] {
        #expect(
          !a.counters.overlaps(b.counters),
          "\(a.name) \(a.counters) overlaps \(b.name) \(b.counters)")
      }
    }
  }

  @Test func perChannelRangesCoverEveryChannelTheValidatorAllows() {
    let last = StreamRegistry.maxChannels - 1
    let ranges = Dictionary(
      uniqueKeysWithValues: StreamRegistry.customerMonthPositions.map {
        ($0.name, $0.counters)
      })
    let drawn: [(String, (Int) -> UInt64)] = [
      ("channel targeting", CustomerMonthDraw.channelTargeting),
      ("channel opt-out", CustomerMonthDraw.channelOptOut),
      ("channel priority", CustomerMonthDraw.channelPriority),
      ("channel complaint", CustomerMonthDraw.channelComplaint),
    ]
    for (name, at) in drawn {
      let range = ranges[name]
      #expect(range?.contains(at(0)) == true, "\(name)")
      #expect(range?.contains(at(last)) == true, "\(name)")
      #expect(range?.count == StreamRegistry.maxChannels, "\(name)")
    }
  }
}
