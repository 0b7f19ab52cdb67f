-- The one result line every scenario script writes from wrk's done(): what the bench reads back (WrkResult).
-- Latencies in microseconds, as wrk keeps them; extra holds a script's own counters (flow's flows and creates).
local report = {}

function report.write(summary, latency, extra)
  local e = summary.errors
  local fields = {
    string.format('"requests":%d', summary.requests),
    string.format('"durationUs":%d', summary.duration),
    string.format('"bytes":%d', summary.bytes),
    string.format('"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}',
      e.connect, e.read, e.write, e.status, e.timeout),
    string.format('"latencyUs":{"p50":%d,"p99":%d,"p999":%d,"max":%d}',
      latency:percentile(50.0), latency:percentile(99.0), latency:percentile(99.9), latency.max),
  }
  for name, value in pairs(extra or {}) do
    table.insert(fields, string.format('"%s":%d', name, value))
  end
  local out = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  out:write("{" .. table.concat(fields, ",") .. "}\n")
  out:close()
end

return report
