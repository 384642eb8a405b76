import Dispatch
import Foundation

/// Runs independent chunks of work on a fixed number of threads.
///
/// Chunk `c` always does the same work whatever the thread count; only which thread runs it
/// changes. Callers keep each chunk's result in its own slot and merge slots in index order, so
/// results never depend on scheduling.
public enum ParallelChunks {
  /// Calls `body(c)` once for every chunk index c in `0..<count`, on at most `threads` threads.
  ///
  /// Workers take the next chunk not yet taken (dynamic scheduling), so a worker that is slowed —
  /// by a costlier chunk, or by another process on a shared core — never holds up the rest while
  /// chunks remain. Returns when all are done.
  public static func forEach(
    count: Int, threads: Int, _ body: @Sendable (Int) -> Void
  ) {
    let workers = Swift.max(1, Swift.min(threads, count))
    if workers == 1 {
      for c in 0..<count { body(c) }
      return
    }
    let next = ChunkTicket()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let c = next.take()
        if c >= count { break }
        body(c)
      }
    }
  }
}

/// The next chunk index to hand out, shared by the workers of one ``ParallelChunks/forEach``.
final class ChunkTicket: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0

  /// The next untaken index (0, 1, 2, … across all callers).
  func take() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let c = next
    next += 1
    return c
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
