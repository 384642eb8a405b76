/// Fixed-width columns for the plain-text tables commands print.
enum TextColumns {
  /// `s` padded with spaces to `width`: right-aligned, or left-aligned with `left`.
  static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: Swift.max(0, width - s.count))
    return left ? s + fill : fill + s
  }
}
