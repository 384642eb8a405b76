/// The web workspace's static files, embedded in the binary.
enum WorkspacePage {
  static let html = "<!doctype html><title>Fenqi</title>"
  static let script = ""
  static let style = ""
}
