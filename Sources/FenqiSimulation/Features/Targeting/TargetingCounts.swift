/// A targeting arm's month: contacts and the simulator's truth about them (zero elsewhere).
///
/// "Value" is the expected number of bookings, from each customer's true need and choice
/// probabilities this month.
public struct TargetingCounts: Sendable, Equatable {
  /// Customers contacted.
  public var contacts: Double = 0
  /// What the contacts cost, yuan (each offer's channel, or the arm's cost per contact).
  public var contactCost: Double = 0
  /// Discounts given with the offers booked, lender-funded (yuan).
  public var discountCost: Double = 0
  /// Bookings by contacted customers.
  public var contactedBookings: Double = 0
  /// Expected bookings of all the arm's customers under the actions taken (truth).
  public var expectedBookings: Double = 0
  /// Expected bookings the contacts added over not contacting (truth).
  public var incrementalBookings: Double = 0
  /// Expected bookings of the contacted under the offers they got (truth).
  public var chosenValue: Double = 0
  /// Per offer: expected bookings of the contacted had every one of them got this offer.
  public var offerValue: [Double] = []
  /// Per offer: contacts made with it.
  public var offerContacts: [Double] = []
  /// Per context × offer: bookings and non-bookings among the contacted (the bandit's feedback).
  public var successes: [Double] = []
  /// See ``successes``.
  public var failures: [Double] = []

  /// Zero counts for `offers` offers and `contexts` contexts.
  public init(offers: Int = 0, contexts: Int = 0) {
    offerValue = .init(repeating: 0, count: offers)
    offerContacts = offerValue
    successes = .init(repeating: 0, count: offers * contexts)
    failures = successes
  }

  /// Adds another chunk's counts.
  public mutating func add(_ o: TargetingCounts) {
    contacts += o.contacts
    contactCost += o.contactCost
    discountCost += o.discountCost
    contactedBookings += o.contactedBookings
    expectedBookings += o.expectedBookings
    incrementalBookings += o.incrementalBookings
    chosenValue += o.chosenValue
    if offerValue.isEmpty {
      offerValue = o.offerValue
      offerContacts = o.offerContacts
      successes = o.successes
      failures = o.failures
      return
    }
    for k in offerValue.indices where k < o.offerValue.count {
      offerValue[k] += o.offerValue[k]
      offerContacts[k] += o.offerContacts[k]
    }
    for k in successes.indices where k < o.successes.count {
      successes[k] += o.successes[k]
      failures[k] += o.failures[k]
    }
  }

  /// Regret against the best fixed offer: its value on the contacted minus the value of the
  /// offers made.
  public var regret: Double { (offerValue.max() ?? chosenValue) - chosenValue }
}
