-- wrk script: POST one application to /v1/decisions on every request.
-- FENQI_DELAY_MS > 0 paces each connection (a request, then that pause), so that
-- connections × 1000 / (delay + latency) fixes the offered rate; plain wrk has no -R.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("FENQI_APPLICATION") or "application.json", "r"))
wrk.body = f:read("*a")
f:close()
local pause = tonumber(os.getenv("FENQI_DELAY_MS") or "0")

function delay()
  return pause
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rate=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
