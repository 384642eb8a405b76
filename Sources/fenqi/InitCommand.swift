import FenqiCore
import FenqiSimulation
import Foundation

/// `fenqi init`: write a commented starting scenario from a template, and the scenario schema
/// beside it for editors.
enum InitCommand {
  /// The schema's file name, as the templates' `$schema` names it.
  static let schemaFile = "scenario.schema.json"

  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words, valued: ["--dir"], flags: ["--force", "--list", "--help"])
      if args.flags.contains("--help") {
        console.out(HelpText.initCommand)
        return .success
      }
      if args.flags.contains("--list") {
        console.out(list)
        return .success
      }
      let n = args.positionals.count
      guard n == 2 else {
        throw Arguments.Problem(
          message:
            "expected a template and a name, found \(n) argument\(n == 1 ? "" : "s")"
        )
      }
    } catch {
      console.err(
        "Error: \(error.message)\n\(HelpText.initUsage)\nSee 'fenqi init --help'."
      )
      return .badInput
    }
    guard let template = ScenarioTemplate(rawValue: args.positionals[0]) else {
      console.err(unknownTemplate(args.positionals[0]))
      return .badInput
    }
    let name = scenarioName(args.positionals[1])
    if let problem = fileNameProblem(name) {
      console.err("Error: \(problem)\n\(HelpText.initUsage)")
      return .badInput
    }
    let folder = args.values["--dir"] ?? defaultFolder()
    return write(
      template, name: name, folder: folder,
      force: args.flags.contains("--force"), console: console)
  }

  /// Writes the scenario (and the schema when the folder has none) into `folder`.
  static func write(
    _ template: ScenarioTemplate, name: String, folder: String, force: Bool,
    console: Console
  ) -> ExitCode {
    let file = path(name + ".json", in: folder)
    let schema = path(schemaFile, in: folder)
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if manager.fileExists(atPath: folder, isDirectory: &isFolder),
      !isFolder.boolValue
    {
      console.err("Error: '\(folder)' is a file, not a folder")
      return .badInput
    }
    if manager.fileExists(atPath: file) && !force {
      console.err(
        "Error: \(file) already exists; pass --force to replace it")
      return .badInput
    }
    let text = template.text(named: name)
    do {
      _ = try ScenarioLoader.parse(text: text, file: file)
    } catch {
      console.err(error.message)
      return .badInput
    }
    do {
      try manager.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(
        to: URL(fileURLWithPath: file), options: .atomic)
      console.out("wrote \(file) (template \(template.rawValue))")
      if !manager.fileExists(atPath: schema) {
        try Data(ScenarioSchema.text().utf8).write(
          to: URL(fileURLWithPath: schema), options: .atomic)
        console.out("wrote \(schema) (the JSON Schema editors check it with)")
      }
    } catch {
      console.err(
        "Error: cannot write into '\(folder)': \(error.localizedDescription)")
      return .runFailed
    }
    console.out("next: fenqi validate \(file), then fenqi run \(file)")
    return .success
  }

  /// `file` in `folder`, without a leading `./` for the working directory.
  static func path(_ file: String, in folder: String) -> String {
    folder == "." ? file : (folder as NSString).appendingPathComponent(file)
  }

  /// `Scenarios/` when the working directory has one, else the working directory.
  static func defaultFolder() -> String {
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(
      atPath: "Scenarios", isDirectory: &isFolder)
    return exists && isFolder.boolValue ? "Scenarios" : "."
  }

  /// The scenario's name: the argument without a trailing `.json`.
  static func scenarioName(_ argument: String) -> String {
    argument.hasSuffix(".json") ? String(argument.dropLast(5)) : argument
  }

  /// Why `name` cannot name a file in the folder, if it cannot (the scenario's own rules for
  /// names are the decoder's).
  static func fileNameProblem(_ name: String) -> String? {
    if name.isEmpty || name == "." || name == ".." {
      return "the name '\(name)' cannot be a file name"
    }
    if name.contains("/") || name.contains("\\") {
      return
        "the name '\(name)' contains a path separator; give the folder with --dir"
    }
    return nil
  }

  /// The message for a word that names no template: the nearest one, then the list.
  static func unknownTemplate(_ word: String) -> String {
    var message = "Error: unknown template '\(word)'"
    let names = ScenarioTemplate.allCases.map(\.rawValue)
    if let hint = Suggestion.nearest(to: word, among: names) {
      message += "; did you mean '\(hint)'?"
    }
    return message + "\n" + list
  }

  /// Every template with its one-line summary.
  static var list: String {
    "TEMPLATES:\n"
      + ScenarioTemplate.allCases.map {
        "  " + TextColumns.pad($0.rawValue, 19, left: true) + $0.summary
      }.joined(separator: "\n")
  }
}
