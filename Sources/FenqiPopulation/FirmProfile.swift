import Foundation

/// How a scenario's small firms are drawn: sectors with their revenue cycles, size, receivable
/// days and years trading.
///
/// Annual revenue is 12 × the firm's monthly income (its segment's `monthlyIncome` margin, so
/// correlations with latent risk hold); the owner's credit is the firm's `creditScore`.
public struct FirmProfile: Sendable, Equatable {
  /// One sector: its share of firms and its revenue cycle.
  public struct Sector: Sendable, Equatable {
    /// The sector's name (for example "manufacturing").
    public var name: String
    /// The share of firms in the sector, a fraction; shares sum to 1.
    public var share: Double
    /// The calendar month (1–12) of peak revenue.
    public var peakMonth: Int
    /// The revenue cycle's amplitude: revenue ∝ 1 + a·cos(2π(month − peak)/12), a in [0, 0.9].
    public var seasonalAmplitude: Double

    /// Creates a sector.
    public init(
      name: String, share: Double, peakMonth: Int, seasonalAmplitude: Double
    ) {
      self.name = name
      self.share = share
      self.peakMonth = peakMonth
      self.seasonalAmplitude = seasonalAmplitude
    }
  }

  /// The sectors; at least one.
  public var sectors: [Sector]
  /// Median employees.
  public var employeesMedian = 12.0
  /// Log-scale spread of employees (log-normal σ).
  public var employeesSigma = 0.8
  /// Fewest days a firm's customers take to pay it.
  public var receivableDaysMin = 30.0
  /// Most days a firm's customers take to pay it (uniform between the two).
  public var receivableDaysMax = 90.0
  /// Median years trading.
  public var yearsTradingMedian = 6.0
  /// Log-scale spread of years trading.
  public var yearsTradingSigma = 0.7
  /// Each firm's amplitude is its sector's × U(1 − j, 1 + j).
  public var amplitudeJitter = 0.5

  /// Creates a firm profile with the given sectors and default spreads.
  public init(sectors: [Sector]) { self.sectors = sectors }

  /// The revenue index of a firm in a calendar month (0 = January): 1 + a·cos(2π(m − peak)/12).
  ///
  /// - Parameters:
  ///   - amplitude: the firm's cycle amplitude, a fraction.
  ///   - peakMonth: the sector's peak calendar month, 1–12.
  ///   - calendarMonth: the month, 0 = January.
  /// - Returns: the month's revenue relative to the firm's average.
  public static func revenueIndex(
    amplitude: Double, peakMonth: Int, calendarMonth: Int
  ) -> Double {
    1 + amplitude * cycle(peakMonth: peakMonth, calendarMonth: calendarMonth)
  }

  /// The unit seasonal cycle cos(2π(m − peak)/12) of a calendar month (0 = January).
  ///
  /// - Parameters:
  ///   - peakMonth: the peak calendar month, 1–12.
  ///   - calendarMonth: the month, 0 = January.
  /// - Returns: a number in [−1, 1], 1 at the peak.
  public static func cycle(peakMonth: Int, calendarMonth: Int) -> Double {
    // A one-harmonic seasonal cycle.
    cos(2 * Double.pi * Double(calendarMonth + 1 - peakMonth) / 12)
  }
}
