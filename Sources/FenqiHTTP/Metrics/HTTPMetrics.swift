import Foundation

/// Request counters and latency histograms by route, in the Prometheus text format.
///
/// Routes are the router's patterns (`/v1/runs/{id}`), never raw paths, so the number of
/// series stays bounded whatever clients send.
public final class HTTPMetrics: @unchecked Sendable {
  /// Upper bounds of the latency buckets, seconds.
  public static let buckets: [Double] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.1, 0.5, 2.5,
    10,
  ]

  struct Series {
    var counts: [Int] = Array(repeating: 0, count: HTTPMetrics.buckets.count)
    var total = 0
    var sum = 0.0
  }

  private let lock = NSLock()
  private var requests: [String: Int] = [:]
  private var latency: [String: Series] = [:]
  private var rejected = 0

  /// Creates empty metrics.
  public init() {}

  /// Counts one response of `route` with `status`, served in `seconds`.
  public func observe(
    route: String, method: String, status: Int, seconds: Double
  ) {
    let key =
      "method=\"\(method.prefix(16))\",route=\"\(route)\",status=\"\(status)\""
    let bucket = Self.buckets.firstIndex { seconds <= $0 }
    lock.lock()
    requests[key, default: 0] += 1
    var s = latency[route, default: Series()]
    if let bucket { s.counts[bucket] += 1 }
    s.total += 1
    s.sum += seconds
    latency[route] = s
    lock.unlock()
  }

  /// Counts one request refused with 503 because the queue was full.
  func observeRejection() {
    lock.lock()
    rejected += 1
    lock.unlock()
  }

  /// The exposition text: `http_requests_total`, `http_request_duration_seconds` (a
  /// histogram per route) and `http_rejected_total`, series sorted by their labels.
  public func text() -> String {
    lock.lock()
    let requests = self.requests
    let latency = self.latency
    let rejected = self.rejected
    lock.unlock()
    var out =
      "# HELP http_requests_total Responses by method, route and status.\n"
    out += "# TYPE http_requests_total counter\n"
    for key in requests.keys.sorted() {
      out += "http_requests_total{\(key)} \(requests[key] ?? 0)\n"
    }
    out +=
      "# HELP http_request_duration_seconds Time from a request's last byte to its response.\n"
    out += "# TYPE http_request_duration_seconds histogram\n"
    for route in latency.keys.sorted() {
      guard let s = latency[route] else { continue }
      var cumulative = 0
      for (i, bound) in Self.buckets.enumerated() {
        cumulative += s.counts[i]
        out +=
          "http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(cumulative)\n"
      }
      out +=
        "http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(s.total)\n"
      out += "http_request_duration_seconds_sum{route=\"\(route)\"} \(s.sum)\n"
      out +=
        "http_request_duration_seconds_count{route=\"\(route)\"} \(s.total)\n"
    }
    out +=
      "# HELP http_rejected_total Requests refused with 503 because the queue was full.\n"
    out +=
      "# TYPE http_rejected_total counter\nhttp_rejected_total \(rejected)\n"
    return out
  }
}
