-- Slash commands (and the ceiling, with the very same requests): POST of a Slack-signed form body.
-- wrk's Lua has no HMAC, so load.mjs signs the bodies before the run with a fresh timestamp
-- (Slack refuses timestamps older than 5 minutes: a run must start within that); this script only
-- cycles through the pre-signed requests. Usage: wrk -s form.lua URL -- REQUESTS_FILE
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local requests, next_index

function init(args)
  requests = {}
  for i, line in ipairs(common.lines(args[1])) do
    local timestamp, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    requests[i] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Slack-Request-Timestamp"] = timestamp,
      ["X-Slack-Signature"] = signature,
    }, body)
  end
  next_index = math.random(#requests)
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

done = common.done
