import Dispatch

/// Runs independent chunks of work on a fixed number of threads.
///
/// Chunk `c` always does the same work whatever the thread count; only which thread runs it
/// changes. Callers keep each chunk's result in its own slot and merge slots in index order, so
/// results never depend on scheduling.
public enum ParallelChunks {
  /// Calls `body(c)` once for every chunk index c in `0..<count`, on at most `threads` threads (worker w takes chunks w, w + threads, w + 2·threads, …).
  ///
  /// Returns when all are done.
  public static func forEach(
    count: Int, threads: Int, _ body: @Sendable (Int) -> Void
  ) {
    let workers = Swift.max(1, Swift.min(threads, count))
    if workers == 1 {
      for c in 0..<count { body(c) }
      return
    }
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      var c = w
      while c < count {
        body(c)
        c += workers
      }
    }
  }
}

/// A mutable buffer shared with worker threads that each touch disjoint elements.
///
/// The caller guarantees that no two threads access the same index, and that the buffer outlives
/// the parallel section.
public struct DisjointMutableBuffer<Element>: @unchecked Sendable {
  /// The elements.
  public let buffer: UnsafeMutableBufferPointer<Element>
  /// The element count.
  public var count: Int { buffer.count }

  /// Wraps a buffer obtained from `withUnsafeMutableBufferPointer`.
  public init(_ buffer: UnsafeMutableBufferPointer<Element>) {
    self.buffer = buffer
  }

  /// The element at `index`; each index must be used by one thread only.
  public subscript(index: Int) -> Element {
    get { buffer[index] }
    nonmutating _modify { yield &buffer[index] }
    nonmutating set { buffer[index] = newValue }
  }
}
