import FenqiCore
import Foundation

/// What only firms have, as columns parallel to a ``CustomerColumns`` block (zero for people).
///
/// About 15 bytes per customer; present only when a scenario has firm segments.
public struct FirmColumns: Sendable {
  /// Sector index into ``FirmProfile/sectors``.
  public var sector: [UInt8]
  /// Employees.
  public var employees: [Float]
  /// Days the firm's customers take to pay it.
  public var receivableDays: [UInt16]
  /// The firm's revenue-cycle amplitude, a fraction.
  public var amplitude: [Float]
  /// Years trading.
  public var yearsTrading: [Float]

  /// Draws the firm attributes of every firm in `customers` from each firm's own stream.
  ///
  /// - Parameters:
  ///   - customers: the block.
  ///   - isFirm: per segment, whether its customers are firms.
  ///   - profile: the scenario's firm profile.
  ///   - seed: the run's seed.
  public init(
    customers: CustomerColumns, isFirm: [Bool], profile: FirmProfile,
    seed: UInt64
  ) {
    let n = customers.count
    sector = .init(repeating: 0, count: n)
    employees = .init(repeating: 0, count: n)
    receivableDays = .init(repeating: 0, count: n)
    amplitude = .init(repeating: 0, count: n)
    yearsTrading = .init(repeating: 0, count: n)
    var cumulative: [Double] = []
    var running = 0.0
    for s in profile.sectors {
      running += s.share
      cumulative.append(running)
    }
    let family = StreamFamily(seed: seed, period: 0, purpose: .firmProfile)
    for i in 0..<n where isFirm[Int(customers.segment[i])] {
      let stream = family.stream(for: UInt64(customers.firstIndex + i))
      let k = CumulativeWeights.index(
        in: cumulative, above: stream.uniform(at: 0) * running)
      sector[i] = UInt8(k)
      let p = profile
      employees[i] = Float(
        (p.employeesMedian
          * exp(p.employeesSigma * Normal.quantile(stream.openUniform(at: 1))))
          .rounded().clamped(1, 10_000))
      receivableDays[i] = UInt16(
        (p.receivableDaysMin
          + (p.receivableDaysMax - p.receivableDaysMin) * stream.uniform(at: 2))
          .rounded())
      yearsTrading[i] = Float(
        p.yearsTradingMedian
          * exp(
            p.yearsTradingSigma * Normal.quantile(stream.openUniform(at: 3))))
      let jitter = 1 + p.amplitudeJitter * (2 * stream.uniform(at: 4) - 1)
      amplitude[i] = Float(
        min(0.95, p.sectors[k].seasonalAmplitude * jitter))
    }
  }

  /// Whole months between a sale and its cash, receivable days ÷ 30 rounded.
  public func receivableLag(_ i: Int) -> Int {
    Int((Double(receivableDays[i]) / 30).rounded())
  }
}

extension Double {
  fileprivate func clamped(_ lo: Double, _ hi: Double) -> Double {
    Swift.min(hi, Swift.max(lo, self))
  }
}
