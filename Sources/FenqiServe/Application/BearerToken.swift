import Foundation

/// The API token that `--token-file` holds, and the check of `Authorization: Bearer <token>`.
public struct BearerToken: Sendable {
  let bytes: [UInt8]

  /// A token from its text (surrounding whitespace and the final newline dropped).
  public init?(text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return nil }
    bytes = Array(trimmed.utf8)
  }

  /// Reads the token from `path`.
  ///
  /// - Throws: ``ServeError/tokenFile(path:reason:)`` when it is unreadable or empty.
  public static func load(path: String) throws(ServeError) -> BearerToken {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .tokenFile(path: path, reason: "no such file or not readable")
    }
    guard let token = BearerToken(text: String(decoding: data, as: UTF8.self))
    else {
      throw .tokenFile(path: path, reason: "the file is empty")
    }
    return token
  }

  /// Whether `header` (the `Authorization` value) is `Bearer <this token>`.
  ///
  /// The comparison takes the same time wherever the first difference is (it reads every byte
  /// of the longer of the two), so response times reveal nothing of the token.
  public func accepts(_ header: String?) -> Bool {
    guard let header, header.count > 7,
      header.prefix(7).lowercased() == "bearer "
    else { return false }
    let given = Array(header.utf8.dropFirst(7))
    var difference = UInt8(given.count == bytes.count ? 0 : 1)
    let n = max(given.count, bytes.count)
    for i in 0..<n {
      let a = i < given.count ? given[i] : 0
      let b = i < bytes.count ? bytes[i] : 0
      difference |= a ^ b
    }
    return difference == 0
  }
}
