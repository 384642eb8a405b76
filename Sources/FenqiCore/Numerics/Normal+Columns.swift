extension Normal {
  /// Fills a column with one standard normal per stream: `out[i]` = Φ⁻¹ of stream i's open
  /// uniform at counter `index` — bit for bit what `streams[i].normal()` gives as its
  /// (`index` + 1)-th draw.
  ///
  /// Works a column at a time so that the central region (about 85% of draws) runs without a
  /// branch and vectorises; the tails are then redone one by one.
  ///
  /// - Parameters:
  ///   - streams: one stream per element.
  ///   - index: the draw's counter in every stream.
  ///   - out: the column, as long as `streams`.
  ///   - tails: scratch for the tail positions, as long as `streams`.
  /// - Complexity: O(n), no allocation.
  @inlinable
  public static func fillQuantiles(
    of streams: UnsafeBufferPointer<RandomStream>, at index: UInt64,
    into out: UnsafeMutableBufferPointer<Double>,
    tails: UnsafeMutableBufferPointer<Int>
  ) {
    let n = streams.count
    precondition(
      out.count >= n && tails.count >= n,
      "fillQuantiles needs out and tails of \(n) elements, got \(out.count) and \(tails.count)"
    )
    for i in 0..<n { out[i] = streams[i].openUniform(at: index) }
    var tailCount = 0
    for i in 0..<n {
      tails[tailCount] = i
      // A flag, not a branch: which draws fall in the tails is random.
      tailCount &+= Int(
        unsafeBitCast(!(abs(out[i] - 0.5) <= 0.425), to: UInt8.self))
    }
    for i in 0..<n { out[i] = centralQuantile(out[i] - 0.5) }
    for t in 0..<tailCount {
      let i = tails[t]
      out[i] = tailQuantile(streams[i].openUniform(at: index))
    }
  }
}
