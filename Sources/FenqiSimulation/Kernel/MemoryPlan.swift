import FenqiCore
import FenqiCredit
import FenqiPopulation
import Foundation

/// How much memory a scenario's run will hold, estimated from its shape before anything is
/// allocated, so that a population too large for the machine is refused up front with the figure
/// instead of aborting in the allocator.
public enum MemoryPlan {
  /// Bytes per customer a run holds: customer columns, the per-customer state of each layer the
  /// scenario uses, half a loan on the book, and a 25% margin for the process and merges.
  ///
  /// Measured whole-process peaks (`fenqi-bench engine`, 1,000,000 customers) were 95 bytes a
  /// customer for the baseline, 154 for aa-check, 264 for b2b-supply-chain, 268 for double11 and
  /// about 270 for risk-stack; this estimate is 5–25% above each.
  public static func bytesPerCustomer(_ s: Scenario) -> Int {
    // Columns, arm, open loans, booking count, need multiplier.
    var bytes = CustomerColumns.bytesPerCustomer + 1 + 1 + 2 + 4
    // Per-customer outcomes and ledger, with an experiment or a business layer.
    if s.experiment != nil || s.business != nil { bytes += 40 + 8 }
    if s.arms.contains(where: { $0.marketing != nil }), !s.channels.isEmpty {
      let slots = s.channels.filter { $0.capacityPerPeriod != nil }.count
      // Fatigue, opt-outs, contacts, referral state, points, tier, the social graph's rows,
      // per-channel histories and capacity priorities.
      bytes +=
        4 + 2 + 2 + 8 + 2 + 8 + 1 + 1 + 96 + 2 * s.channels.count + 5 * slots
    }
    // The lender's ledger, the borrowers' status after the roll and the logged model rows.
    if s.riskStack != nil { bytes += LenderState.bytesPerCustomer + 56 }
    if s.business != nil { bytes += 29 + 23 + 27 + 40 }
    bytes += LoanBook.bytesPerLoan / 2
    return bytes * 125 / 100
  }

  /// The estimated peak of a run of `s`, bytes.
  public static func estimatedBytes(_ s: Scenario) -> Int {
    s.population.size * bytesPerCustomer(s)
  }

  /// The memory this process may use: the machine's physical memory, or the control group's
  /// limit when lower (bytes).
  public static func availableBytes() -> Int {
    let physical = sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
    if let text = try? String(
      contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
      let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)),
      limit > 0
    {
      return Swift.min(physical, limit)
    }
    return physical
  }

  /// The problem with running `s` on a machine with `available` bytes, or nil when it fits.
  public static func problem(_ s: Scenario, available: Int) -> FieldProblem? {
    let need = estimatedBytes(s)
    guard need > available else { return nil }
    let perCustomer = bytesPerCustomer(s)
    let gib = { (x: Int) in
      String(format: "%.1f GiB", Double(x) / 1_073_741_824)
    }
    return FieldProblem(
      path: "$.population.size",
      message:
        "expected a population that fits in memory: \(s.population.size) customers need about "
        + "\(gib(need)) (\(perCustomer) bytes each), this machine has \(gib(available)); "
        + "at most \(available / perCustomer) customers fit")
  }
}
