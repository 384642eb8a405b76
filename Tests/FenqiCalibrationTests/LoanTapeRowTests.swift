import FenqiCredit
import Testing

@Suite struct LoanTapeRowTests {
  @Test(arguments: DelinquencyBucket.allCases)
  func bucketNamesRoundTrip(_ bucket: DelinquencyBucket) {
    #expect(DelinquencyBucket(name: bucket.name) == bucket)
  }

  @Test func monthsPastDueMapToBuckets() {
    #expect(DelinquencyBucket(monthsPastDue: 0) == .current)
    #expect(DelinquencyBucket(monthsPastDue: 3) == .dpd61to90)
    #expect(DelinquencyBucket(monthsPastDue: 7) == .dpd90plus)
    #expect(DelinquencyBucket(name: "30+") == nil)
    #expect(LoanStatus(name: "charged_off") == .chargedOff)
  }
}
