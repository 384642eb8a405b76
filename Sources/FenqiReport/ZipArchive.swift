/// A ZIP archive of stored (uncompressed) entries, as Office Open XML packages are (PKWARE APPNOTE
/// 6.3: local headers, central directory, end record; CRC-32 of ISO 3309).
///
/// Entries carry a fixed date (1980-01-01 00:00), so the same entries give the same bytes.
struct ZipArchive {
  private(set) var bytes: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0

  /// Appends an entry named `name` (UTF-8, forward slashes) holding `data`.
  mutating func add(_ name: String, _ data: [UInt8]) {
    let nameBytes = Array(name.utf8)
    let crc = Self.crc32(data)
    let offset = UInt32(bytes.count)
    // Local file header: version 2.0, UTF-8 names (bit 11), stored, DOS date 1980-01-01.
    var local: [UInt8] = []
    Self.put32(0x0403_4b50, &local)
    for v: UInt16 in [20, 0x0800, 0, 0, 0x0021] { Self.put16(v, &local) }
    Self.put32(crc, &local)
    Self.put32(UInt32(data.count), &local)
    Self.put32(UInt32(data.count), &local)
    Self.put16(UInt16(nameBytes.count), &local)
    Self.put16(0, &local)
    bytes += local + nameBytes + data
    Self.put32(0x0201_4b50, &directory)
    for v: UInt16 in [20, 20, 0x0800, 0, 0, 0x0021] {
      Self.put16(v, &directory)
    }
    Self.put32(crc, &directory)
    Self.put32(UInt32(data.count), &directory)
    Self.put32(UInt32(data.count), &directory)
    for v: UInt16 in [UInt16(nameBytes.count), 0, 0, 0, 0] {
      Self.put16(v, &directory)
    }
    Self.put32(0, &directory)
    Self.put32(offset, &directory)
    directory += nameBytes
    count += 1
  }

  /// The finished archive: the entries, the central directory and the end record.
  func finished() -> [UInt8] {
    var out = bytes + directory
    Self.put32(0x0605_4b50, &out)
    for v: UInt16 in [0, 0, UInt16(count), UInt16(count)] {
      Self.put16(v, &out)
    }
    Self.put32(UInt32(directory.count), &out)
    Self.put32(UInt32(bytes.count), &out)
    Self.put16(0, &out)
    return out
  }

  static func put16(_ v: UInt16, _ out: inout [UInt8]) {
    out += [UInt8(v & 0xFF), UInt8(v >> 8)]
  }

  static func put32(_ v: UInt32, _ out: inout [UInt8]) {
    out += [
      UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF),
      UInt8(v >> 24),
    ]
  }

  /// The CRC-32 lookup table (reflected polynomial 0xEDB88320).
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// CRC-32 (ISO 3309, as ZIP uses) of `data`.
  static func crc32(_ data: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
