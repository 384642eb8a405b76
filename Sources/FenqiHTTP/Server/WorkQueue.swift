import Foundation

/// A bounded first-in-first-out queue of requests that a fixed pool of worker threads drains.
///
/// ``push(_:)`` refuses instead of growing when the queue is full, so overload is answered
/// with 503 at once rather than with ever longer waits.
final class WorkQueue: @unchecked Sendable {
  /// One request to serve: its connection, the request and when it was complete.
  struct Job {
    var connection: Connection
    var request: HTTPRequest
    var arrived: Double
  }

  private let condition = NSCondition()
  private var jobs: [Job] = []
  private var head = 0
  private var closed = false
  private var active = 0
  let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  /// Queues `job`; false when the queue holds `capacity` jobs already (or is closed).
  func push(_ job: Job) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    guard !closed, jobs.count - head < capacity else { return false }
    jobs.append(job)
    condition.signal()
    return true
  }

  /// The next job, waiting for one; nil once the queue is closed and empty.
  func pop() -> Job? {
    condition.lock()
    defer { condition.unlock() }
    while head == jobs.count && !closed { condition.wait() }
    guard head < jobs.count else { return nil }
    let job = jobs[head]
    head += 1
    if head > 1024 && head * 2 > jobs.count {
      jobs.removeFirst(head)
      head = 0
    }
    active += 1
    return job
  }

  /// A worker finished the job it popped.
  func finished() {
    condition.lock()
    active -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Jobs waiting (not yet taken by a worker).
  var depth: Int {
    condition.lock()
    defer { condition.unlock() }
    return jobs.count - head
  }

  /// Whether nothing is queued and no worker is busy.
  var isIdle: Bool {
    condition.lock()
    defer { condition.unlock() }
    return jobs.count == head && active == 0
  }

  /// Wakes every worker to exit once the queue is empty.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }
}
