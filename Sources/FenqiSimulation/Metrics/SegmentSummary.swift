/// The funnel counters kept per arm and segment over a run.
enum SegmentField: Int, CaseIterable {
  case customers, needs, applications, bookings, bookedPrincipal

  static let count = allCases.count

  /// The flat index of (field, arm, segment).
  @inline(__always)
  static func index(
    _ field: SegmentField, arm: Int, segment: Int, segments: Int
  ) -> Int {
    (arm * segments + segment) * count + field.rawValue
  }
}

/// One segment's results within one arm over the whole run; money in yuan.
public struct SegmentSummary: Sendable, Equatable {
  /// The arm's name.
  public var arm: String
  /// The segment's name.
  public var segment: String
  /// Whether the segment is hidden from the lender (for example a fraud ring): its figures come
  /// from the simulator's knowledge of the truth.
  public var hidden: Bool
  /// Customers of the segment in the arm.
  public var customers: Double
  /// Purchase needs.
  public var needs: Double
  /// Applications to split.
  public var applications: Double
  /// Loans booked.
  public var bookings: Double
  /// Principal booked.
  public var bookedPrincipal: Double
  /// Loans charged off.
  public var chargeOffs: Double
  /// Principal charged off.
  public var chargeOffPrincipal: Double

  /// Principal charged off ÷ principal booked.
  public var badDebtRate: Double {
    bookedPrincipal == 0 ? 0 : chargeOffPrincipal / bookedPrincipal
  }
}
