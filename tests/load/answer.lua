-- GET /api/v1/answer over the question set, as 1,000 different users (so follow-up context is kept per user).
-- Usage: wrk -s answer.lua URL -- QUESTIONS_FILE   (URL is the API path, e.g. http://127.0.0.1:PORT/api/v1/answer)
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local requests, next_index

function init(args)
  local questions = common.lines(args[1])
  requests = {}
  for user = 0, 999 do
    local q = questions[user % #questions + 1]
    requests[#requests + 1] = wrk.format("GET", wrk.path .. "?q=" .. common.urlencode(q) .. "&user=load-" .. user)
  end
  next_index = math.random(#requests)
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

done = common.done
