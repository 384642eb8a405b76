/// LLVM's prefetch intrinsic: (address, 0 = read, locality 0–3, 1 = data cache).
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(
  _ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32,
  _ cache: Int32)

/// Software prefetch: asks the cache to fetch an address a few iterations before it is read,
/// so that gathers over scattered rows overlap their misses.
enum Prefetch {
  /// Prefetches `address` into all cache levels for reading.
  @inline(__always)
  static func read<T>(_ address: UnsafePointer<T>) {
    llvmPrefetch(UnsafeRawPointer(address), 0, 3, 1)
  }

  /// Prefetches `address` into all cache levels for reading.
  @inline(__always)
  static func read<T>(_ address: UnsafeMutablePointer<T>) {
    llvmPrefetch(UnsafeRawPointer(address), 0, 3, 1)
  }
}
