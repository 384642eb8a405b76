import FenqiCore

/// Poisson(1) resampling weights from counter-based random bits, for the Poisson bootstrap.
///
/// Poisson bootstrap (Hanley & MacGibbon 2006; Chamandy et al. 2012): each unit enters a
/// replicate with an independent Poisson(1) weight instead of a multinomial count, so
/// replicates need no shuffling and each weight is a pure function of (seed, unit, replicate).
enum PoissonWeight {
  /// ⌊F(k)·2⁶⁴⌋ for the Poisson(1) CDF F, k = 0…19 (computed to 60 digits), then 2⁶⁴ − 1.
  ///
  /// Integer constants, so weights never depend on a platform's `exp`.
  static let thresholds: [UInt64] = [
    0x5E2D_58D8_B3BC_DF1A, 0xBC5A_B1B1_6779_BE35, 0xEB71_5E1D_C158_2DC2,
    0xFB23_9797_34A2_52F1, 0xFF10_25F5_9174_DC3D, 0xFFD9_0F3B_A405_5E19,
    0xFFFA_8B71_FC72_C913, 0xFFFF_540C_0914_B3C9, 0xFFFF_ED1F_4AA8_F120,
    0xFFFF_FE21_6E64_1462, 0xFFFF_FFD4_D85D_3183, 0xFFFF_FFFC_6DA2_62B4,
    0xFFFF_FFFF_BA12_D178, 0xFFFF_FFFF_FB07_C64C, 0xFFFF_FFFF_FFAB_8EA5,
    0xFFFF_FFFF_FFFA_BE22, 0xFFFF_FFFF_FFFF_B11A, 0xFFFF_FFFF_FFFF_FBA1,
    0xFFFF_FFFF_FFFF_FFC5, 0xFFFF_FFFF_FFFF_FFFD, 0xFFFF_FFFF_FFFF_FFFF,
  ]

  /// The Poisson(1) draw for 64 uniform random bits, by inversion of the CDF.
  @inline(__always)
  static func weight(_ bits: UInt64) -> Int {
    var k = 0
    while k < thresholds.count, bits >= thresholds[k] { k += 1 }
    return k
  }

  /// The weights of every loan in one replicate: loan i's is drawn from the stream keyed by
  /// (seed, entity i, period = replicate, ``Purpose/tapeBootstrap``) at counter 0.
  static func weights(loans: Int, replicate: Int, seed: UInt64) -> [UInt8] {
    let family = StreamFamily(
      seed: seed, period: UInt32(truncatingIfNeeded: replicate),
      purpose: .tapeBootstrap)
    var out = [UInt8](repeating: 0, count: loans)
    for i in 0..<loans {
      out[i] = UInt8(weight(family.stream(for: UInt64(i)).bits(at: 0)))
    }
    return out
  }
}
