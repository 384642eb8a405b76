/// Sixty-four bytes that stand in for the start of an empty buffer, never read or written.
private enum EmptyBufferStorage {
  nonisolated(unsafe) static let bytes = UnsafeMutableRawPointer.allocate(
    byteCount: 64, alignment: 64)
}

extension UnsafeMutableBufferPointer {
  /// The first element's address; for an empty buffer, a valid address that must not be
  /// dereferenced.
  public var start: UnsafeMutablePointer<Element> {
    baseAddress
      ?? EmptyBufferStorage.bytes.assumingMemoryBound(to: Element.self)
  }
}

extension UnsafeBufferPointer {
  /// The first element's address; for an empty buffer, a valid address that must not be
  /// dereferenced.
  public var start: UnsafePointer<Element> {
    baseAddress
      ?? UnsafePointer(
        EmptyBufferStorage.bytes.assumingMemoryBound(to: Element.self))
  }
}
