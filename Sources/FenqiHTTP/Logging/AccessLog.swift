import Foundation

/// The structured access log: one JSON object per line, one line per response.
///
/// `{"bytes":512,"method":"GET","ms":0.42,"path":"/healthz","remote":"127.0.0.1:5123",
/// "route":"/healthz","status":200,"time":"2026-11-29T20:00:00.123Z"}` — keys sorted, times in
/// UTC with milliseconds, durations in milliseconds from the request's last byte to the
/// response's last byte.
public struct AccessLog: Sendable {
  /// Where each line goes (stderr for `fenqi serve`).
  public var sink: @Sendable (String) -> Void
  /// Wall-clock seconds since 1970 (the library reads no clock itself).
  public var wallClock: @Sendable () -> Double

  /// Creates a log writing to `sink`.
  public init(
    sink: @escaping @Sendable (String) -> Void,
    wallClock: @escaping @Sendable () -> Double
  ) {
    self.sink = sink
    self.wallClock = wallClock
  }

  /// Writes the line for one response.
  func record(
    _ request: HTTPRequest, status: Int, bytes: Int, route: String,
    seconds: Double
  ) {
    let ms = (seconds * 1e6).rounded() / 1e3
    sink(
      "{\"bytes\":\(bytes),\"method\":\(JSONText.quoted(request.method)),\"ms\":\(ms),"
        + "\"path\":\(JSONText.quoted(String(request.path.prefix(512)))),"
        + "\"remote\":\(JSONText.quoted(request.remote)),\"route\":\(JSONText.quoted(route)),"
        + "\"status\":\(status),\"time\":\"\(Self.timestamp(wallClock()))\"}")
  }

  /// `2026-11-29T20:00:00.123Z` for `seconds` since 1970.
  static func timestamp(_ seconds: Double) -> String {
    var t = time_t(seconds.rounded(.down))
    var parts = tm()
    gmtime_r(&t, &parts)
    let ms = Int((seconds - seconds.rounded(.down)) * 1000)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
    return
      "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(msText)Z"
  }
}
