-- Teams message activities with a bearer token. The RS256 tokens are minted by load.mjs before the run
-- (wrk's Lua has no crypto) and valid for an hour; this script cycles through them. Each activity gets a
-- new id, because SkillBot answers an activity id once: a repeated id would measure the duplicate check.
-- Usage: wrk -s teams.lua URL -- TOKENS_FILE QUESTIONS_FILE SERVICE_URL
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

local headers, questions, service_url, counter, run_id

function init(args)
  local tokens = common.lines(args[1])
  headers = {}
  for i, token in ipairs(tokens) do
    headers[i] = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  end
  questions = {}
  for i, q in ipairs(common.lines(args[2])) do questions[i] = common.json_string(q) end
  service_url = common.json_string(args[3])
  counter = 0
  run_id = tostring(os.time()) .. "-" .. tostring(thread_id)
end

function request()
  counter = counter + 1
  local user = counter % 1000
  local body = '{"type":"message","id":"load-' .. run_id .. '-' .. counter .. '","serviceUrl":' .. service_url ..
    ',"channelId":"msteams","from":{"id":"29:user-' .. user .. '","name":"Load","aadObjectId":"aad-' .. user .. '"}' ..
    ',"conversation":{"id":"a:load-conversation-' .. user .. '","conversationType":"personal","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"}' ..
    ',"recipient":{"id":"28:load-test-bot","name":"SkillBot"},"text":' .. questions[counter % #questions + 1] ..
    ',"textFormat":"plain","locale":"en-US","entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web"}]' ..
    ',"channelData":{"tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}}}'
  return wrk.format("POST", nil, headers[counter % #headers + 1], body)
end

done = common.done
