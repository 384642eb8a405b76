/// Shopping festivals: calendar months with demand and competition multipliers.
///
/// Demand multiplies the need rate; competition divides the split odds (rival promotions draw
/// customers away). Several events in one month multiply.
public struct FestivalCalendar: Sendable, Equatable {
  /// One event.
  public struct Event: Sendable, Equatable {
    /// Its name ("Double 11").
    public var name: String
    /// The calendar month, 1–12.
    public var month: Int
    /// Multiplier of the need rate.
    public var demand: Double
    /// Divisor of the split odds.
    public var competition: Double

    /// Creates an event.
    public init(name: String, month: Int, demand: Double, competition: Double) {
      self.name = name
      self.month = month
      self.demand = demand
      self.competition = competition
    }
  }

  /// The events.
  public var events: [Event]

  /// Creates a calendar.
  public init(events: [Event] = []) { self.events = events }

  /// The demand multiplier of calendar month `month` (1–12).
  public func demand(month: Int) -> Double {
    events.filter { $0.month == month }.reduce(1) { $0 * $1.demand }
  }

  /// The competition divisor of calendar month `month` (1–12).
  public func competition(month: Int) -> Double {
    events.filter { $0.month == month }.reduce(1) { $0 * $1.competition }
  }

  /// The usual Chinese retail calendar: Spring Festival, 618, Double 11, Double 12, year-end.
  public static let chinaRetail = FestivalCalendar(events: [
    Event(name: "Spring Festival", month: 2, demand: 1.25, competition: 1.1),
    Event(name: "618", month: 6, demand: 1.35, competition: 1.25),
    Event(name: "Double 11", month: 11, demand: 1.6, competition: 1.4),
    Event(name: "Double 12", month: 12, demand: 1.2, competition: 1.15),
    Event(name: "Year-end", month: 12, demand: 1.1, competition: 1.05),
  ])
}
