extension CSVTable {
  /// The whole table with its column names written as cells: quoted when they hold a comma, a
  /// quote or a line break, so names built from arm names or grid paths
  /// (`financed_<arm>`, `arms.<arm>.offer.…`) read back as written.
  ///
  /// The same bytes as ``text`` for every name that needs no quoting.
  public var textQuotingHeader: String {
    ([header.map(Self.cell)] + rows).map { $0.joined(separator: ",") + "\n" }
      .joined()
  }
}
