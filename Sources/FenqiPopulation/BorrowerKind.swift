/// Whether a customer is a person or a small firm.
///
/// A firm is a customer like any other (segment, bureau score, income), read differently: its
/// monthly income is its average monthly revenue, its bureau score is its owner's, and
/// ``FirmColumns`` adds what only firms have.
public enum BorrowerKind: UInt8, Sendable, CaseIterable {
  /// A consumer.
  case person = 0
  /// A small firm buying from anchor suppliers.
  case firm = 1

  /// The kind's name in scenarios and result files.
  public var name: String { self == .person ? "person" : "firm" }
}
