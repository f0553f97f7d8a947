-- Shared by the wrk scripts: reading the files load.mjs wrote, and one parseable result line per run.
local common = {}

function common.lines(path)
  local list = {}
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in file:lines() do
    if #line > 0 then list[#list + 1] = line end
  end
  file:close()
  assert(#list > 0, path .. " is empty")
  return list
end

function common.urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function common.json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

-- wrk calls done() once, after all threads: latencies are in microseconds. errors.status counts
-- responses with status >= 400 (SkillBot and the ceiling never redirect, so that is every non-2xx here).
function common.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"socket_errors":%d,"bytes":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.bytes))
end

return common
