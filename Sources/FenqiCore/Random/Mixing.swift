/// 64-bit mixing functions behind the counter-based random streams.
public enum Mixing {
  /// The golden-ratio increment of SplitMix64 (Steele, Lea & Flood 2014).
  public static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// A bijective 64-bit finaliser with full avalanche: Stafford's "Mix13", the output function of
  /// SplitMix64.
  @inlinable @inline(__always)
  public static func mix64(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }

  /// Hashes a string into 64 bits (FNV-1a over UTF-8, then ``mix64(_:)``); stable across runs and
  /// platforms, unlike `Hasher`.
  public static func hash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return mix64(h)
  }
}
