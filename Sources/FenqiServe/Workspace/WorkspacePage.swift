/// The web workspace's page, embedded in the binary: no CDN, nothing fetched but the API, and
/// every value from the API inserted as text (never as markup), so arm names such as
/// `<script>` or `分期` show as written.
enum WorkspacePage {
  /// `/`: the page shell; `app.js` fills it.
  static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Fenqi workspace</title>
    <link rel="stylesheet" href="/app.css">
    </head>
    <body>
    <header>
      <h1>Fenqi</h1>
      <nav>
        <a href="#runs" id="nav-runs">Runs</a>
        <a href="#editor" id="nav-editor">Scenario editor</a>
        <a href="#decide" id="nav-decide">Try a decision</a>
      </nav>
      <label class="token">API token <input id="token" type="password" autocomplete="off"></label>
    </header>
    <main>
      <section id="view-runs" hidden>
        <h2>Runs</h2>
        <p class="hint">Tick two or more runs to compare them side by side.</p>
        <button id="compare-button" type="button" disabled>Compare chosen runs</button>
        <div id="runs-status" class="status"></div>
        <table id="runs-table">
          <thead><tr><th></th><th>Run</th><th>Scenario</th><th>State</th><th>Arm</th>
          <th>Bookings</th><th>Approval</th><th>Bad debt</th><th>Net income (yuan)</th></tr></thead>
          <tbody id="runs-body"></tbody>
        </table>
      </section>
      <section id="view-report" hidden>
        <h2 id="report-title">Report</h2>
        <p><a href="#runs">Back to the runs</a> · <span id="report-files"></span></p>
        <iframe id="report-frame" sandbox title="Run report"></iframe>
      </section>
      <section id="view-compare" hidden>
        <h2>Comparison</h2>
        <p><a href="#runs">Back to the runs</a></p>
        <div id="compare-status" class="status"></div>
        <iframe id="compare-frame" sandbox title="Comparison"></iframe>
      </section>
      <section id="view-editor" hidden>
        <h2>Scenario editor</h2>
        <p class="hint">Paste or write a scenario; it is validated as you type.</p>
        <textarea id="scenario" spellcheck="false" rows="24"></textarea>
        <div id="validation" class="status"></div>
        <ul id="problems"></ul>
        <button id="run-button" type="button" disabled>Start a run</button>
        <div id="run-progress" hidden>
          <progress id="progress-bar" max="1" value="0"></progress>
          <span id="progress-text"></span>
        </div>
      </section>
      <section id="view-decide" hidden>
        <h2>Try a decision</h2>
        <p class="hint">One application: the fields the bundle's features need (* required).</p>
        <div id="schema-fields"></div>
        <button id="decide-button" type="button">Decide</button>
        <div id="decision-status" class="status"></div>
        <table id="decision-table"><tbody id="decision-body"></tbody></table>
        <h3>Reasons</h3>
        <ol id="reasons"></ol>
      </section>
    </main>
    <script src="/app.js"></script>
    </body>
    </html>

    """#

  /// `/app.css`.
  static let style = #"""
    body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f7f8fa; }
    header { display: flex; gap: 2em; align-items: center; padding: .6em 1.5em; background: #1d2330; color: #fff; }
    header h1 { font-size: 1.2em; margin: 0; }
    nav a { color: #cfd8ea; margin-right: 1.2em; text-decoration: none; }
    nav a.active { color: #fff; border-bottom: 2px solid #6ea8fe; }
    .token { margin-left: auto; font-size: .9em; }
    main { padding: 1em 1.5em; }
    table { border-collapse: collapse; background: #fff; margin-top: .8em; }
    th, td { padding: .3em .7em; border-bottom: 1px solid #e3e6ec; text-align: left; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .status { margin: .6em 0; color: #555; }
    .status.bad { color: #b42318; }
    .status.good { color: #067647; }
    #problems li { color: #b42318; font-family: ui-monospace, monospace; }
    textarea { width: 100%; max-width: 70em; font: 13px ui-monospace, monospace; }
    iframe { width: 100%; height: 75vh; border: 1px solid #d0d5dd; background: #fff; }
    progress { width: 20em; }
    .hint { color: #667085; }
    button { padding: .4em 1em; }
    label.field { display: inline-block; width: 22em; margin: .2em 0; }
    label.field input, label.field select { width: 9em; }

    """#
}
