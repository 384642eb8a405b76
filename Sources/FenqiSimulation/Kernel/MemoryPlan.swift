import FenqiCore
import FenqiCredit
import FenqiPopulation
import Foundation

/// How much memory a scenario's run will hold, estimated from its shape before anything is
/// allocated, so that a population too large for the machine is refused up front with the figure
/// instead of aborting in the allocator.
///
/// The estimate is ``runtimeBytes`` plus ``bytesPerCustomer(_:)`` for each customer. Against the
/// whole-process peak of `fenqi run … --threads 2 --quiet` (`/usr/bin/time -v`, maximum resident
/// set size; the largest of 4–12 runs) at 1,000,000 customers and the estimate at that size,
/// bytes a customer:
///
/// | scenario             | measured | estimate |
/// |----------------------|---------:|---------:|
/// | reference            |      111 |      123 |
/// | peer-lifecycle       |      130 |      143 |
/// | recession-stress     |      112 |      136 |
/// | baseline             |      136 |      155 |
/// | aa-check             |      208 |      242 |
/// | ab-first-period-free |      201 |      255 |
/// | co-lending           |      221 |      246 |
/// | double11             |      268 |      335 |
/// | b2b-supply-chain     |      292 |      366 |
/// | prepaid-education    |      216 |      249 |
/// | risk-stack           |      286 |      339 |
/// | targeting            |     1751 |     2121 |
///
/// The estimate is 10–27% above each. A peak varies between runs of one scenario with the
/// threads' timing (reference 104–111, co-lending 192–221); over the typical peaks the estimate
/// is up to 30% above. Bytes a customer fall as the population grows (the runtime is spread
/// thinner): between 200,000 and 1,000,000 customers the peak grows by 73 bytes a customer for
/// the reference and 105 for the baseline, so larger populations keep a wider margin.
public enum MemoryPlan {
  /// The process before its customers: the Swift runtime and Foundation, thread stacks and the
  /// run folder's writer, bytes.
  ///
  /// Measured: the peaks at 200,000 and 1,000,000 customers extrapolate to 24–30 MiB at no
  /// customers for every shipped scenario without a risk stack or an experiment.
  public static let runtimeBytes = 30 << 20

  /// The estimate's margin over the bytes it counts (the allocator's slack and the pages a
  /// column shares with its neighbours), a ratio.
  ///
  /// The peak of one scenario moves between runs with how the two threads' allocations
  /// interleave (each thread has its own malloc arena): recession-stress at 1,000,000 customers
  /// peaked at 234–288 MB over six runs. The margin covers the high end.
  static let margin = 1.16

  /// Bytes per customer a run holds: its columns, the per-customer state of each layer the
  /// scenario uses, its loan books, each chunk's counts per period, a seasoned book's burn-in,
  /// with a 16% margin, and a targeting pilot's log.
  ///
  /// The parts are ``kernelBytes(_:)``, ``layerBytes(_:)``, ``bookBytes(_:)``,
  /// ``historyBytes(_:)``, ``seasoningBytes(_:)`` and ``pilotLogBytes(_:)``.
  public static func bytesPerCustomer(_ s: Scenario) -> Int {
    let counted =
      kernelBytes(s) + layerBytes(s) + bookBytes(s) + historyBytes(s)
      + seasoningBytes(s)
    return Int((counted * margin).rounded(.up)) + pilotLogBytes(s)
  }

  /// The estimated peak of a run of `s`, bytes.
  public static func estimatedBytes(_ s: Scenario) -> Int {
    runtimeBytes + s.population.size * bytesPerCustomer(s)
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
    let fit = Swift.max(0, available - runtimeBytes) / perCustomer
    return FieldProblem(
      path: "$.population.size",
      message:
        "expected a population that fits in memory: \(s.population.size) customers need about "
        + "\(gib(need)) (\(perCustomer) bytes each), this machine has \(gib(available)); "
        + "at most \(fit) customers fit")
  }
}
