import Dispatch
import FenqiHTTP
import FenqiServe
import Foundation

/// `fenqi serve`: the decision API, the runs API and the web workspace over HTTP/1.1.
enum ServeCommand {
  static let usage =
    "USAGE: fenqi serve [--host 127.0.0.1] [--port 8080] [--bundle <file>] [--runs <dir>] [--token-file <file>] [--workers <n>] [--audit-log <file>] [--quiet]"

  static let help = """
    OVERVIEW: Serve decisions, runs and the web workspace over HTTP/1.1 until SIGTERM or SIGINT,
    which stop accepting, finish the requests in flight and drop unfinished runs unwritten.

    \(usage)

    OPTIONS:
      --host <ip>            The IPv4 address to bind (default: 127.0.0.1, this machine only).
      --port <n>             The port (default: 8080; 0: any free port, printed on stdout).
      --bundle <file>        A decision-bundle.json to serve at POST /v1/decisions.
      --runs <dir>           The runs folder to browse and write submitted runs into
                             (default: Results).
      --token-file <file>    Every /v1/ call must send 'Authorization: Bearer <the file's token>'.
      --workers <n>          Worker threads serving requests (default: the processor count).
      --audit-log <file>     Append every decision to this file as a JSON line.
      --quiet                No access log on stderr.
      -h, --help             Show this help.

    See Sources/FenqiServe/FenqiServe.docc/Routes.md for the routes, limits and metrics.
    """

  static func execute(_ words: [String], console: Console) -> ExitCode {
    let args: Arguments
    let port: Int
    let workers: Int
    do throws(Arguments.Problem) {
      args = try Arguments.parse(
        words,
        valued: [
          "--host", "--port", "--bundle", "--runs", "--token-file", "--workers",
          "--audit-log",
        ],
        flags: ["--help", "--quiet"])
      if args.flags.contains("--help") {
        console.out(help)
        return .success
      }
      guard args.positionals.isEmpty else {
        throw Arguments.Problem(
          message: "unexpected argument '\(args.positionals[0])'")
      }
      port =
        try args.values["--port"].map { text throws(Arguments.Problem) in
          guard let p = Int(text), (0...65_535).contains(p) else {
            throw Arguments.Problem(
              message:
                "--port: expected an integer in [0, 65535], found '\(text)'")
          }
          return p
        } ?? 8080
      workers =
        try args.positiveInteger("--workers")
        ?? ProcessInfo.processInfo.activeProcessorCount
    } catch {
      console.err(
        "Error: \(error.message)\n\(usage)\nSee 'fenqi serve --help'.")
      return .badInput
    }
    let application: ServeApplication
    do throws(ServeError) {
      application = try makeApplication(args)
    } catch {
      console.err("Error: \(error.message)")
      return .badInput
    }
    return serve(
      application, args: args, port: port, workers: workers, console: console)
  }

  static func makeApplication(_ args: Arguments) throws(ServeError)
    -> ServeApplication
  {
    let wall: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    let runs = try RunStore(
      directory: args.values["--runs"] ?? "Results",
      threads: ProcessInfo.processInfo.activeProcessorCount,
      version: HelpText.version,
      wallClock: wall)
    let token = try args.values["--token-file"].map { p throws(ServeError) in
      try BearerToken.load(path: p)
    }
    let audit = try args.values["--audit-log"].map { p throws(ServeError) in
      try AuditLog(path: p)
    }
    let decisions = try DecisionBundleLoader.endpoint(args.values["--bundle"])
    return ServeApplication(
      settings: .init(
        runs: runs, token: token, decisions: decisions, auditLog: audit,
        version: HelpText.version))
  }

  static func serve(
    _ application: ServeApplication, args: Arguments, port: Int, workers: Int,
    console: Console
  ) -> ExitCode {
    var configuration = HTTPServer.Configuration()
    configuration.host = args.values["--host"] ?? "127.0.0.1"
    configuration.port = port
    configuration.workers = workers
    if !args.flags.contains("--quiet") {
      configuration.accessLog = AccessLog(
        sink: { line in FileHandle.standardError.write(Data((line + "\n").utf8))
        },
        wallClock: { Date().timeIntervalSince1970 })
    }
    let server: HTTPServer
    do {
      server = try HTTPServer(
        configuration: configuration, metrics: application.metrics,
        handler: application.respond(to:))
    } catch {
      console.err("Error: \(error.message)")
      return .badInput
    }
    application.attach(queueDepth: { server.queueDepth })
    var sources: [DispatchSourceSignal] = []
    for s in [SIGTERM, SIGINT] {
      signal(s, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
      source.setEventHandler { server.stop() }
      source.resume()
      sources.append(source)
    }
    signal(SIGPIPE, SIG_IGN)
    console.out(
      "fenqi serve: listening on http://\(configuration.host):\(server.port)")
    server.run()
    application.shutdown()
    console.err("fenqi serve: stopped")
    for source in sources { source.cancel() }
    return .success
  }
}
