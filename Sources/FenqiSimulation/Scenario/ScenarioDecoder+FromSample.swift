import FenqiCore
import FenqiModels
import FenqiPopulation
import Foundation

/// Decoding of `population.fromSample`: the sample file, its columns' attributes, the segment
/// column and the latent-risk rule, checked against the file's columns; then the fit.
extension ScenarioDecoder {
  /// `population.fromSample`, for a population with `segments`; nil after reporting its
  /// problems.
  func decodeFromSample(_ reader: JSONObjectReader, segments: [String])
    -> PopulationSample?
  {
    var r = reader
    var fields = DecodedFields()
    let file = fields.string(&r, "file")
    let columnsValue = r.value("columns")
    var segmentName: String?
    if r.has("segment") {
      segmentName = fields.string(&r, "segment")
    } else {
      _ = r.value("segment")
    }
    let riskReader = r.object("latentRisk")
    if columnsValue == nil {
      r.report("columns", "missing required field (expected an object)")
      fields.require(false)
    }
    r.finish()
    let table = file.flatMap { loadSample($0, path: r.childPath("file")) }
    let kinds = table.map(SynthesisColumn.classify)
    let sample = SampleColumns(table: table, kinds: kinds)
    let mappings = columnsValue.flatMap {
      decodeSampleColumns($0, path: r.childPath("columns"), sample: sample)
    }
    var segmentPart: (name: String, ofLevel: [UInt8])?
    if let segmentName, sample.table != nil {
      segmentPart = segmentLevels(
        segmentName, path: r.childPath("segment"), sample: sample,
        segments: segments)
      fields.require(segmentPart != nil)
    }
    var risk: SampleRisk? = .generated
    if let riskReader { risk = decodeSampleRisk(riskReader, sample: sample) }
    if mappings?.isEmpty == true, segmentName == nil, riskReader == nil {
      r.report(
        "columns",
        "expected at least one attribute mapped to a sample column (or a \"segment\" column, or a \"latentRisk\" rule)"
      )
      return nil
    }
    guard fields.ok, let file, let table, let mappings, let risk,
      segmentName == nil || segmentPart != nil
    else { return nil }
    return fitSample(
      file: file, table: table, mappings: mappings, segment: segmentPart,
      risk: risk, path: r.path)
  }

  /// The sample file, resolved beside the scenario; nil after reporting why it cannot be read.
  private func loadSample(_ file: String, path: String) -> FeatureTable? {
    let resolved =
      file.hasPrefix("/") || baseDirectory.isEmpty
      ? file : (baseDirectory as NSString).appendingPathComponent(file)
    guard FileManager.default.fileExists(atPath: resolved) else {
      collector.report(
        path,
        "cannot read the sample \(JSONWriter.quoted(file)): no such file (paths are relative to the scenario's folder; looked for \(JSONWriter.quoted(resolved)))"
      )
      return nil
    }
    do { return try CSVTableLoader.load(path: resolved) } catch {
      collector.report(
        path,
        "the sample \(JSONWriter.quoted(file)) is not a usable CSV: \(error.description)"
      )
      return nil
    }
  }

  /// The `columns` object: attribute name → sample column; nil after reporting its problems.
  private func decodeSampleColumns(
    _ value: JSONValue, path: String, sample: SampleColumns
  ) -> [(CustomerAttribute, String)]? {
    guard
      let reader = JSONObjectReader(value, path: path, collector: collector),
      case .object(let members) = value
    else { return nil }
    var out: [(CustomerAttribute, String)] = []
    var ok = true
    let names = CustomerAttribute.allCases.map(\.name)
    for (key, v) in members {
      let at = reader.childPath(key)
      guard let attribute = CustomerAttribute(name: key) else {
        var message = "unknown attribute \(JSONWriter.quoted(key))"
        let hint =
          Suggestion.nearest(to: key, among: names)
          ?? names.first { $0.lowercased().contains(key.lowercased()) }
        if let hint { message += "; did you mean \(JSONWriter.quoted(hint))?" }
        collector.report(
          at, message + " (attributes: \(names.joined(separator: ", ")))")
        ok = false
        continue
      }
      guard attribute != .latentRisk else {
        collector.report(
          at,
          "latent risk is not copied from a column; set it with \(path.dropLast(".columns".count)).latentRisk (\"fromColumn\" or \"weights\")"
        )
        ok = false
        continue
      }
      guard case .string(let column) = v else {
        collector.report(
          at, "expected a sample column name, found \(v.shortDescription)")
        ok = false
        continue
      }
      if let problem = sample.problem(mapping: attribute, to: column) {
        collector.report(at, problem)
        ok = false
      }
      out.append((attribute, column))
    }
    return ok ? out : nil
  }

  /// The scenario segment of each level of the `segment` column; nil after reporting.
  private func segmentLevels(
    _ name: String, path: String, sample: SampleColumns, segments: [String]
  ) -> (name: String, ofLevel: [UInt8])? {
    if let problem = sample.unknownColumn(name) {
      collector.report(path, problem)
      return nil
    }
    guard let j = sample.index(name), let table = sample.table,
      case .categorical(let levels, _) = sample.kinds?[j].kind
    else {
      collector.report(
        path,
        "expected a column of categories (text, or at most \(SynthesisColumn.maxCategoricalNumbers) distinct numbers), found numeric column \(JSONWriter.quoted(name))"
      )
      return nil
    }
    if sample.hasMissing(table.columns[j]) {
      collector.report(
        path,
        "column \(JSONWriter.quoted(name)) has blank cells; every sample row needs a segment"
      )
      return nil
    }
    let unnamed = levels.filter { !segments.contains($0) }
    guard unnamed.isEmpty else {
      collector.report(
        path,
        "column \(JSONWriter.quoted(name)) has values that name no segment of $.population.segments: \(unnamed.map(JSONWriter.quoted).joined(separator: ", ")) (segments: \(segments.joined(separator: ", ")))"
      )
      return nil
    }
    return (name, levels.map { UInt8(segments.firstIndex(of: $0) ?? 0) })
  }
}
