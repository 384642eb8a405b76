/// Picks the `k` candidates with the highest priority, deterministically.
///
/// Priorities are in [0, 1]; a negative priority marks a non-candidate. A 1,024-bucket
/// histogram finds the cut-off bucket in linear time; within it, ties are broken by a sort on
/// (priority, index), so the result never depends on anything but the inputs.
public enum TopSelection {
  /// Marks `chosen[i] = true` for the k best candidates.
  ///
  /// - Parameters:
  ///   - priority: one entry per customer; < 0 for non-candidates.
  ///   - k: the most to choose.
  ///   - chosen: set to true for the chosen (left untouched elsewhere).
  /// - Returns: how many were chosen.
  @discardableResult
  public static func choose(
    priority: UnsafeBufferPointer<Float>, k: Int,
    chosen: UnsafeMutableBufferPointer<Bool>
  ) -> Int {
    let buckets = 1024
    var histogram = [Int](repeating: 0, count: buckets)
    var candidates = 0
    for p in priority where p >= 0 {
      histogram[bucket(p, buckets)] += 1
      candidates += 1
    }
    if candidates <= k {
      for i in priority.indices where priority[i] >= 0 { chosen[i] = true }
      return candidates
    }
    guard k > 0 else { return 0 }
    // Find the bucket where the k-th best falls, counting from the top.
    var above = 0
    var cut = buckets - 1
    while cut >= 0, above + histogram[cut] < k {
      above += histogram[cut]
      cut -= 1
    }
    var tied: [Int] = []
    for i in priority.indices where priority[i] >= 0 {
      let b = bucket(priority[i], buckets)
      if b > cut {
        chosen[i] = true
      } else if b == cut {
        tied.append(i)
      }
    }
    tied.sort {
      priority[$0] != priority[$1] ? priority[$0] > priority[$1] : $0 < $1
    }
    for i in tied.prefix(k - above) { chosen[i] = true }
    return k
  }

  @inline(__always)
  private static func bucket(_ p: Float, _ buckets: Int) -> Int {
    Swift.min(buckets - 1, Int(p * Float(buckets)))
  }
}
