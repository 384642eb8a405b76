/// The workspace's script: plain JavaScript, no framework, values inserted with `textContent`.
extension WorkspacePage {
  /// `/app.js`.
  static let script = #"""
    "use strict";
    const $ = (id) => document.getElementById(id);
    const views = ["runs", "report", "compare", "editor", "decide"];
    $("token").value = sessionStorage.getItem("fenqi-token") || "";
    $("token").addEventListener("change", () => {
      sessionStorage.setItem("fenqi-token", $("token").value);
      route();
    });

    async function api(method, path, body) {
      const headers = {};
      const token = $("token").value;
      if (token) headers["Authorization"] = "Bearer " + token;
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const response = await fetch(path, { method, headers, body });
      const type = response.headers.get("Content-Type") || "";
      const data = type.startsWith("application/json") ? await response.json() : await response.text();
      return { status: response.status, data };
    }

    function cell(row, text, className) {
      const td = document.createElement("td");
      td.textContent = text === undefined || text === null ? "" : String(text);
      if (className) td.className = className;
      row.appendChild(td);
      return td;
    }
    const percent = (x) => (typeof x === "number" ? (x * 100).toFixed(1) + "%" : "");
    const yuan = (x) => (typeof x === "number" ? Math.round(x).toLocaleString("en-US") : "");
    function setStatus(id, text, kind) {
      $(id).textContent = text;
      $(id).className = "status" + (kind ? " " + kind : "");
    }
    function errorText(r) {
      const e = r.data && r.data.error;
      if (e && e.message) return e.message + (e.field ? " (" + e.field + ")" : "");
      if (e && e.expected) return e.field + ": expected " + e.expected + ", found " + e.found;
      return "HTTP " + r.status;
    }

    async function showRuns() {
      const r = await api("GET", "/v1/runs");
      const body = $("runs-body");
      body.replaceChildren();
      if (r.status !== 200) { setStatus("runs-status", errorText(r), "bad"); return; }
      setStatus("runs-status", r.data.runs.length + " runs");
      for (const run of r.data.runs) {
        const arms = run.headline && run.headline.length ? run.headline : [{}];
        arms.forEach((arm, i) => {
          const row = document.createElement("tr");
          row.className = "run-row";
          const pick = cell(row, "");
          const link = cell(row, "");
          if (i === 0) {
            if (run.state === "succeeded") {
              const box = document.createElement("input");
              box.type = "checkbox";
              box.className = "pick";
              box.value = run.id;
              box.addEventListener("change", updateCompare);
              pick.appendChild(box);
              const a = document.createElement("a");
              a.href = "#report/" + encodeURIComponent(run.id);
              a.textContent = run.id;
              link.appendChild(a);
            } else {
              link.textContent = run.id;
            }
          }
          cell(row, i === 0 ? run.scenario : "");
          const state = cell(row, i === 0 ? run.state : "");
          if (i === 0 && (run.state === "running" || run.state === "queued")) {
            const bar = document.createElement("progress");
            bar.max = 1;
            bar.value = run.progress || 0;
            state.appendChild(bar);
          }
          cell(row, arm.name);
          cell(row, arm.bookings, "num");
          cell(row, percent(arm.approval_rate), "num");
          cell(row, percent(arm.bad_debt_rate), "num");
          cell(row, yuan(arm.net_income), "num");
          body.appendChild(row);
        });
      }
      updateCompare();
    }
    function chosen() {
      return Array.from(document.querySelectorAll("input.pick:checked")).map((b) => b.value);
    }
    function updateCompare() { $("compare-button").disabled = chosen().length < 2; }
    $("compare-button").addEventListener("click", () => {
      location.hash = "#compare/" + chosen().map(encodeURIComponent).join(",");
    });

    async function showReport(id) {
      $("report-title").textContent = "Report of " + id;
      const files = $("report-files");
      files.replaceChildren();
      const status = await api("GET", "/v1/runs/" + encodeURIComponent(id));
      for (const name of (status.data && status.data.files) || []) {
        const a = document.createElement("a");
        a.href = "/v1/runs/" + encodeURIComponent(id) + "/files/" + encodeURIComponent(name);
        a.textContent = name;
        files.append(a, " ");
      }
      const r = await api("GET", "/v1/runs/" + encodeURIComponent(id) + "/files/report.html");
      $("report-frame").srcdoc = r.status === 200 ? r.data : "<p>No report: HTTP " + r.status + "</p>";
    }

    async function showCompare(ids) {
      setStatus("compare-status", "Comparing " + ids.join(", "));
      const r = await api("POST", "/v1/compare?format=html", JSON.stringify({ runs: ids }));
      if (r.status !== 200) { setStatus("compare-status", errorText(r), "bad"); return; }
      $("compare-frame").srcdoc = r.data;
    }

    let validateTimer = null;
    let validated = false;
    $("scenario").addEventListener("input", () => {
      clearTimeout(validateTimer);
      validateTimer = setTimeout(validateScenario, 300);
    });
    async function validateScenario() {
      const text = $("scenario").value;
      const list = $("problems");
      list.replaceChildren();
      validated = false;
      $("run-button").disabled = true;
      if (!text.trim()) { setStatus("validation", ""); return; }
      const r = await api("POST", "/v1/scenarios:validate", text);
      if (r.status === 200) {
        const s = r.data.summary;
        setStatus("validation", "Valid: " + s.customers + " customers, " + s.months + " months, arms " + s.arms.join(", "), "good");
        validated = true;
        $("run-button").disabled = false;
        return;
      }
      const problems = (r.data && r.data.problems) || [];
      setStatus("validation", problems.length + " problem" + (problems.length === 1 ? "" : "s"), "bad");
      for (const p of problems) {
        const li = document.createElement("li");
        li.className = "problem";
        li.textContent = p.path + ": " + p.message;
        list.appendChild(li);
      }
    }
    $("run-button").addEventListener("click", async () => {
      if (!validated) return;
      $("run-button").disabled = true;
      const r = await api("POST", "/v1/runs", $("scenario").value);
      if (r.status !== 202) { setStatus("validation", errorText(r), "bad"); return; }
      $("run-progress").hidden = false;
      follow(r.data.id);
    });
    async function follow(id) {
      const r = await api("GET", "/v1/runs/" + encodeURIComponent(id));
      if (r.status !== 200) { $("progress-text").textContent = errorText(r); return; }
      $("progress-bar").value = r.data.progress || 0;
      $("progress-text").textContent = id + ": " + r.data.state + (r.data.stage ? " · " + r.data.stage : "");
      if (r.data.state === "queued" || r.data.state === "running") {
        setTimeout(() => follow(id), 500);
      } else {
        $("run-button").disabled = !validated;
      }
    }

    // A typical applicant, to start from (the schema gives ranges, not examples).
    const typical = { declaredIncome: 12000, bureauScore: 700, debtToIncome: 0.25, creditHistoryMonths: 60,
      priorDelinquencies: 0, age: 32, cityTier: 1, requestedAmount: 3000, termMonths: 6, instalment: 520,
      externalApplications: 1 };
    let schemaLoaded = false;
    // #decide/<application JSON>: the form filled from the link, then decided.
    async function showDecide(prefill) {
      if (!schemaLoaded && !(await loadSchema())) return;
      if (!prefill) return;
      let values;
      try { values = JSON.parse(prefill); } catch (e) { values = null; }
      if (values === null || typeof values !== "object" || Array.isArray(values)) {
        setStatus("decision-status", "The link's application is not a JSON object.", "bad");
        return;
      }
      for (const input of document.querySelectorAll("#schema-fields [data-field]")) {
        if (Object.prototype.hasOwnProperty.call(values, input.dataset.field)) {
          input.value = String(values[input.dataset.field]);
        }
      }
      $("decide-button").click();
    }
    async function loadSchema() {
      const r = await api("GET", "/v1/decisions/schema");
      const fields = $("schema-fields");
      fields.replaceChildren();
      if (r.status !== 200) { setStatus("decision-status", errorText(r), "bad"); return false; }
      schemaLoaded = true;
      for (const f of r.data.fields || []) {
        const label = document.createElement("label");
        label.className = "field";
        label.title = (f.meaning || "") + (f.unit ? " (" + f.unit + ")" : "");
        label.append(f.name + (f.required ? " *" : "") + " ");
        let input;
        if (f.enum) {
          input = document.createElement("select");
          for (const v of f.enum) {
            const o = document.createElement("option");
            o.value = v;
            o.textContent = v;
            input.appendChild(o);
          }
        } else {
          input = document.createElement("input");
          input.type = f.type === "string" ? "text" : "number";
          if (f.minimum !== undefined) input.min = f.minimum;
          if (f.maximum !== undefined) input.max = f.maximum;
          input.step = "any";
          const start = typical[f.name] !== undefined ? typical[f.name] : f.default;
          if (start !== undefined) input.value = start;
        }
        input.dataset.field = f.name;
        input.dataset.type = f.type;
        label.appendChild(input);
        fields.appendChild(label);
      }
      return true;
    }
    function application() {
      const out = {};
      for (const input of document.querySelectorAll("#schema-fields [data-field]")) {
        if (input.value === "") continue;
        out[input.dataset.field] = input.dataset.type === "string" ? input.value : Number(input.value);
      }
      return out;
    }
    $("decide-button").addEventListener("click", async () => {
      const r = await api("POST", "/v1/decisions", JSON.stringify(application()));
      const body = $("decision-body");
      const reasons = $("reasons");
      body.replaceChildren();
      reasons.replaceChildren();
      if (r.status !== 200) { setStatus("decision-status", errorText(r), "bad"); return; }
      setStatus("decision-status", "Decision: " + r.data.decision, r.data.decision === "approved" ? "good" : "bad");
      for (const [key, value] of Object.entries(r.data)) {
        if (key === "reasons") continue;
        const row = document.createElement("tr");
        cell(row, key);
        cell(row, value !== null && typeof value === "object" ? JSON.stringify(value) : value);
        body.appendChild(row);
      }
      for (const reason of r.data.reasons || []) {
        const li = document.createElement("li");
        li.textContent = reason.code + " — " + reason.reason;
        reasons.appendChild(li);
      }
    });

    function route() {
      const hash = location.hash || "#runs";
      const [name, ...rest] = hash.slice(1).split("/");
      const argument = rest.join("/");
      const view = views.includes(name) ? name : "runs";
      for (const v of views) $("view-" + v).hidden = v !== view;
      for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.id === "nav-" + view);
      if (view === "runs") showRuns();
      if (view === "report") showReport(decodeURIComponent(argument));
      if (view === "compare") showCompare(argument.split(",").map(decodeURIComponent));
      if (view === "editor" && argument) {
        $("scenario").value = decodeURIComponent(argument);
        validateScenario();
      }
      if (view === "decide") showDecide(argument ? decodeURIComponent(argument) : "");
    }
    window.addEventListener("hashchange", route);
    route();

    """#
}
