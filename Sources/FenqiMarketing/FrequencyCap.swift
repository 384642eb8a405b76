/// A per-channel frequency cap: at most `contacts` contacts of one customer in any `months`
/// consecutive months (the current one included).
///
/// A customer's contact history with a channel is a 16-bit mask: bit k set when the channel
/// contacted them k months ago. Each month the mask shifts left by one.
public struct FrequencyCap: Sendable, Equatable {
  /// Most contacts in the window.
  public var contacts: Int
  /// The window, months (1–16).
  public var months: Int

  /// Creates a cap.
  public init(contacts: Int, months: Int) {
    self.contacts = contacts
    self.months = months
  }

  /// The bits of the history mask inside the window.
  @inlinable @inline(__always)
  public var windowMask: UInt16 {
    months >= 16 ? 0xFFFF : UInt16((1 << months) - 1)
  }

  /// Whether one more contact this month keeps the customer within the cap.
  @inlinable @inline(__always)
  public func allows(history: UInt16) -> Bool {
    (history & windowMask).nonzeroBitCount < contacts
  }

  /// Ages a history by one month.
  @inlinable @inline(__always)
  public static func age(_ history: UInt16) -> UInt16 { history << 1 }
}
