#!/usr/bin/env bash
# Load and soak run for SkillBot on this machine (tests/load/README in the main README's performance section).
#
#   tests/load/run.sh [--duration 30s] [--connections N] [--threads N] [--no-startup] [--no-build]
#   tests/load/run.sh --soak [--soak-seconds 600] [--soak-rate 50]
#   tests/load/run.sh --duration 3s          # a quick smoke run
#
# Default run: builds Release, starts SkillBot on 127.0.0.1 (Slack and Teams on, authentication on, rate
# limits raised out of the way), local fakes for Microsoft (OpenID metadata + JWKS, token endpoint, Bot
# Connector), and the bare ceiling app; then drives with wrk, each for the same time and connection count:
# the Slack slash command, Teams /api/messages, GET /api/v1/answer and the ceiling, plus the ceiling app's
# bare Teams exchange (activity in, one of SkillBot's replies out to the fake connector) for scale, taking turns
# with the Teams endpoint in three rounds (messages answered per second). Prints requests/s, p50/p99
# latency, errors (non-2xx + socket errors) and each target's ratio to the ceiling, Teams replies counted
# against activities, then the startup-to-ready time and resident memory with the generated 2,000-skill catalogue.
# --soak: a paced 10-minute mix of the three endpoints, SkillBot's RSS sampled every 10 s.
#
# All traffic goes to 127.0.0.1; every process started here is stopped on exit (by its own PID);
# every loop is bounded. Not part of `dotnet test` or CI: it takes minutes and measures the machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

duration=30s
connections=4   # where the ceiling's p99 stays under 5 ms on this 2-core machine
threads=2
soak=0
soak_seconds=600
soak_rate=50
soak_warmup=60
startup=1
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --soak) soak=1; shift ;;
    --soak-seconds) soak_seconds="$2"; shift 2 ;;
    --soak-rate) soak_rate="$2"; shift 2 ;;
    --no-startup) startup=0; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$duration" =~ ^[0-9]+[smh]?$ ]] || { echo "--duration takes e.g. 30s, 3s or 2m" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge "$threads" ]] || { echo "--connections must be a number >= --threads" >&2; exit 2; }
(( soak_seconds > 0 && soak_seconds <= 3600 && soak_rate > 0 && soak_rate <= 500 )) || { echo "--soak-seconds 1..3600, --soak-rate 1..500" >&2; exit 2; }

command -v node >/dev/null || { echo "Node.js is needed (apt-get install nodejs)" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)…" >&2
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

skillbot_dll="$repo/src/SkillBot/bin/Release/net10.0/SkillBot.dll"
ceiling_dll="$here/Ceiling/bin/Release/net10.0/Ceiling.dll"
if [[ $build == 1 ]]; then
  echo "building Release…" >&2
  dotnet build -c Release "$repo/src/SkillBot" -v q -nologo >&2
  dotnet build -c Release "$here/Ceiling" -v q -nologo >&2
fi
teams=0
[[ -d "$repo/src/SkillBot/Teams" ]] && teams=1

work="$(mktemp -d /tmp/skillbot-load.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work/keys" # the run's private key; the results stay in $work
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Waits (bounded) until URL answers 200; prints the milliseconds since START_NS.
wait_ready() {
  local url="$1" start_ns="$2" pid="$3" deadline=$((SECONDS + 90))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died before $url answered" >&2; return 1; }
    (( SECONDS < deadline )) || { echo "$url not ready within 90 s" >&2; return 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start_ns) / 1000000 ))
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

secret="$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")"
app_id="load-test-bot-app-id"
fakes_port="$(free_port)"
fakes_url="http://127.0.0.1:$fakes_port"
node "$here/load.mjs" keygen "$work/keys"
node "$here/load.mjs" fakes "$fakes_port" "$work/keys" 2>"$work/fakes.log" &
pids+=($!)
node "$here/load.mjs" questions "$work/questions.txt"

# SkillBot as it runs in production (default logging), with Slack and Teams on and authentication on.
# The rate limits are per user and workspace and would turn a load run into a 429 run: raised out of the way.
skillbot_args=(
  --RateLimits:PerUserPerMinute=100000000 --RateLimits:PerWorkspacePerMinute=100000000 --RateLimits:PerClientAddressPerMinute=100000000
  --Slack:SigningSecret="$secret" --Slack:BotToken=xoxb-load-test-token
  --Slack:ApiBaseUrl="$fakes_url/slack/api/" --Slack:ResponseUrlHosts=127.0.0.1
  --Teams:AppId="$app_id" --Teams:AppPassword=load-test-app-password
  --Teams:OpenIdMetadataUrl="$fakes_url/botframework/.well-known/openidconfiguration"
  --Teams:TokenEndpoint="$fakes_url/token" --Teams:AllowedServiceUrls="$fakes_url"
)
start_skillbot() { # PORT LOG [extra args…]; sets skillbot_pid and skillbot_start_ns
  local port="$1" log="$2"; shift 2
  skillbot_start_ns=$(date +%s%N)
  # Each start its own progress folder: a catalogue history kept by an earlier run on another folder would load its last version at startup.
  dotnet "$skillbot_dll" --urls "http://127.0.0.1:$port" --Progress:DataFolder="$work/data-$port" "${skillbot_args[@]}" "$@" >"$log" 2>&1 &
  skillbot_pid=$!
  pids+=("$skillbot_pid")
}

port="$(free_port)"
start_skillbot "$port" "$work/skillbot.log"
pid="$skillbot_pid"
ready_ms="$(wait_ready "http://127.0.0.1:$port/readyz" "$skillbot_start_ns" "$pid")" || { tail -20 "$work/skillbot.log" >&2; exit 1; }
skillbot="http://127.0.0.1:$port"
echo "SkillBot (PID $pid) ready in ${ready_ms} ms on $skillbot; logs in $work/skillbot.log" >&2
[[ $teams == 1 ]] || echo "note: this build has no Teams endpoint (src/SkillBot/Teams): Teams is not measured" >&2

# One of each request, checked (and the mean slash-command answer size, which the ceiling returns).
response_bytes="$(node "$here/load.mjs" probe --skillbot="$skillbot" --fakesUrl="$fakes_url" --secret="$secret" --dir="$work/keys" --teams="$teams")"

if [[ $soak == 1 ]]; then
  echo "soak: ${soak_seconds} s at ${soak_rate} requests/s (slash command, Teams, answer API in turn), RSS every 10 s…" >&2
  node "$here/load.mjs" soak --skillbot="$skillbot" --fakesUrl="$fakes_url" --secret="$secret" --dir="$work/keys" \
    --pid="$pid" --seconds="$soak_seconds" --rate="$soak_rate" --warmup="$soak_warmup" --teams="$teams" >"$work/soak.json"
  starvation="$(grep -ciE 'starv|heartbeat took longer' "$work/skillbot.log" || true)"
  warnings="$(grep -cE '^(warn|fail|crit):' "$work/skillbot.log" || true)"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const [starvation, warnings, rateWanted] = process.argv.slice(2).map(Number);
    const errors = r.non2xx + r.socketErrors;
    console.log(`soak ${r.seconds} s at ${r.rate}/s: ${r.sent} requests (${JSON.stringify(r.byKind)}), ${errors} errors (${r.non2xx} non-2xx, ${r.socketErrors} socket), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms`);
    if (r.byKind.teams) console.log(`Teams replies received by the fake connector: ${r.connectorReplies} (bad: ${r.badReplies})`);
    console.log(`RSS after ${r.warmupSeconds} s warm-up ${(r.rssAfterWarmupKb / 1024).toFixed(1)} MiB, peak ${(r.rssPeakKb / 1024).toFixed(1)} MiB, last ${(r.rssLastKb / 1024).toFixed(1)} MiB: growth ${r.growthPct}% (peak ${r.peakGrowthPct}%)`);
    console.log("RSS samples (s:MiB): " + r.samples.map((s) => `${s.at}:${(s.rssKb / 1024).toFixed(0)}`).join(" "));
    console.log(`thread-pool starvation lines in the log: ${starvation}; warn/fail lines: ${warnings}`);
    const ok = errors === 0 && r.peakGrowthPct <= 10 && starvation === 0;
    console.log(ok ? "soak: PASS (no errors, growth within 10%, no starvation)" : "soak: MISS");
    process.exit(ok ? 0 : 1);
  ' "$work/soak.json" "$starvation" "$warnings"
  exit $?
fi

ceiling_port="$(free_port)"
reply_bytes="$(curl -fs "$fakes_url/stats" | node -e 'const s=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(s.replies ? Math.round(s.replyBytes / s.replies) : 8192)')"
# SkillBot's replies to the probe, as the fake connector received them: the bare Teams exchange posts these same bytes.
ceiling_replies=()
if [[ $teams == 1 ]]; then
  curl -fs "$fakes_url/replies" >"$work/replies.json"
  ceiling_replies=(--ReplyFile="$work/replies.json")
fi
dotnet "$ceiling_dll" --urls "http://127.0.0.1:$ceiling_port" --ResponseBytes="$response_bytes" --ReplyBytes="$reply_bytes" "${ceiling_replies[@]}" >"$work/ceiling.log" 2>&1 &
ceiling_pid=$!
pids+=("$ceiling_pid")
wait_ready "http://127.0.0.1:$ceiling_port/healthz" "$(date +%s%N)" "$ceiling_pid" >/dev/null

# A warm-up (JIT, pools, caches) of a third of the duration, at most 10 s, then the measured run.
seconds="${duration%[smh]}"
case "$duration" in *m) seconds=$((seconds * 60)) ;; *h) seconds=$((seconds * 3600)) ;; esac
warmup=$(( seconds / 3 < 10 ? (seconds / 3 > 0 ? seconds / 3 : 1) : 10 ))
teams_rounds=$(( seconds >= 9 ? 3 : 1 ))
# The tiered JIT goes on compiling the Teams path (token checks, the activity's JSON, the connector's HTTP client and
# its resilience pipeline) for about 20 s of Teams traffic (dotnet-counters on 2026-12-04: 270 methods and 0.5 s of
# compiling a second through the first 15 s, under 35 a second after 25 s); the bare app has next to nothing to
# compile. So the Teams endpoint warms up 20 s, and its rounds compare the two as they run once warm.
teams_warmup=$(( seconds >= 9 ? (warmup > 20 ? warmup : 20) : warmup ))
teams_round_seconds=$(( seconds / teams_rounds ))

warm_wrk() { # NAME SCRIPT URL [script args…]: the warm-up alone ($warmup seconds, or WARMUP seconds)
  local name="$1" script="$2" url="$3"; shift 3
  wrk -t"$threads" -c"$connections" -d"${WARMUP:-$warmup}s" --timeout 5s -s "$here/$script" "$url" -- "$@" >"$work/$name.warmup.txt"
}
measure_wrk() { # NAME DURATION SCRIPT URL [script args…]: one measured run, its RESULT line in NAME.json
  local name="$1" length="$2" script="$3" url="$4"; shift 4
  wrk -t"$threads" -c"$connections" -d"$length" --timeout 5s --latency -s "$here/$script" "$url" -- "$@" >"$work/$name.txt"
  grep '^RESULT ' "$work/$name.txt" | sed 's/^RESULT //' >"$work/$name.json"
  echo "$name: $(cat "$work/$name.json")" >&2
}
run_wrk() { # NAME SCRIPT URL [script args…]
  local name="$1" script="$2" url="$3"; shift 3
  warm_wrk "$name" "$script" "$url" "$@"
  measure_wrk "$name" "$duration" "$script" "$url" "$@"
}
# Slack timestamps must be at most 5 minutes old: each form run gets freshly signed requests.
signed() { node "$here/load.mjs" slack-requests "$work/$1.requests" 2000 "$secret" "$fakes_url"; echo "$work/$1.requests"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: $threads threads, $connections connections, ${warmup}s warm-up + $duration per target…" >&2
run_wrk ceiling form.lua "http://127.0.0.1:$ceiling_port/api/slack/commands" "$(signed ceiling)"
run_wrk slack form.lua "$skillbot/api/slack/commands" "$(signed slack)"
if [[ $teams == 1 ]]; then
  node "$here/load.mjs" teams-tokens "$work/teams.tokens" 64 "$work/keys" "$fakes_url/"
  replies_before="$(curl -fs "$fakes_url/stats")"
  # The Teams endpoint against the bare Teams exchange (the ceiling app reads each activity and posts one of SkillBot's
  # replies): both go through the fake connector on these same cores, whose speed drifts by tens of percent within a
  # minute, so after a warm-up each they take turns, $teams_rounds rounds of a share of the duration, and each side's
  # rounds are added up. The fake connector counts the ceiling's replies apart (its token says whose they are).
  # Both answer an activity before its reply goes out (a queue: SkillBot's holds 10,000, the bare app's 1,000): after
  # each round the run waits until that round's replies have reached the connector, and that wait counts as the
  # round's time, so what is compared on both sides is messages answered per second.
  teams_args=("$work/teams.tokens" "$work/questions.txt" "$fakes_url/")
  replies_now() { # FIELD of the fake connector's stats: replies (SkillBot's) or ceilingReplies
    curl -fs "$fakes_url/stats" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8"))[process.argv[1]])' "$1"
  }
  drain_replies() { # FIELD EXPECTED: waits (bounded) until that many replies are in or none came for a second; prints the wait in seconds
    local field="$1" expected="$2" start_ns last=-1 now still=0 deadline=$((SECONDS + 60))
    start_ns=$(date +%s%N)
    while now="$(replies_now "$field")"; (( now < expected && still < 20 && SECONDS < deadline )); do
      (( now == last )) && still=$((still + 1)) || still=0
      last=$now; sleep 0.05
    done
    node -e "console.log(((Number(process.argv[1]) - Number(process.argv[2])) / 1e9).toFixed(3))" "$(date +%s%N)" "$start_ns"
  }
  taken() { node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(r.requests - r.non2xx)' "$1"; }
  # Replies are awaited for the activities taken (a 503 is one refused while the reply queue was full).
  warm_teams() { # SIDE SECONDS URL FIELD: the warm-up, its replies awaited
    local side="$1" length="$2" url="$3" field="$4" before
    before="$(replies_now "$field")"
    WARMUP="$length" warm_wrk "$side" teams.lua "$url" "${teams_args[@]}"
    grep '^RESULT ' "$work/$side.warmup.txt" | sed 's/^RESULT //' >"$work/$side.warmup.json"
    drain_replies "$field" $((before + $(taken "$work/$side.warmup.json"))) >/dev/null
  }
  measure_teams_round() { # SIDE ROUND URL FIELD: one round, its replies awaited and counted in its time
    local side="$1" round="$2" url="$3" field="$4" before
    before="$(replies_now "$field")"
    measure_wrk "$side.$round" "$teams_round_seconds"s teams.lua "$url" "${teams_args[@]}"
    local drained; drained="$(drain_replies "$field" $((before + $(taken "$work/$side.$round.json"))))"
    node -e 'const f = process.argv[1], r = require(f); r.drain_seconds = Number(process.argv[2]); r.seconds += r.drain_seconds; r.rps = r.requests / r.seconds;
      require("fs").writeFileSync(f, JSON.stringify(r))' "$work/$side.$round.json" "$drained"
  }
  warm_teams teams "$teams_warmup" "$skillbot/api/messages" replies
  warm_teams teams-ceiling "$warmup" "http://127.0.0.1:$ceiling_port/api/messages" ceilingReplies
  for round in $(seq 1 "$teams_rounds"); do
    measure_teams_round teams "$round" "$skillbot/api/messages" replies
    measure_teams_round teams-ceiling "$round" "http://127.0.0.1:$ceiling_port/api/messages" ceilingReplies
  done
  sleep 2
  replies_after="$(curl -fs "$fakes_url/stats")"
  for side in teams teams-ceiling; do
    node -e '
      const fs = require("fs");
      const rounds = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
      const sum = (k) => rounds.reduce((t, r) => t + r[k], 0);
      const median = (k) => rounds.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
      const requests = sum("requests"), seconds = sum("seconds");
      console.log(JSON.stringify({ requests, seconds, rps: requests / seconds, p50_ms: median("p50_ms"), p90_ms: median("p90_ms"),
        p99_ms: Math.max(...rounds.map((r) => r.p99_ms)), max_ms: Math.max(...rounds.map((r) => r.max_ms)),
        non2xx: sum("non2xx"), socket_errors: sum("socket_errors"), bytes: sum("bytes"), rounds: rounds.map((r) => Math.round(r.rps)),
        drain_seconds: sum("drain_seconds") }));
    ' $(for round in $(seq 1 "$teams_rounds"); do echo "$work/$side.$round.json"; done) >"$work/$side.json"
  done
fi
run_wrk answer answer.lua "$skillbot/api/v1/answer" "$work/questions.txt"
rss_after_load="$(rss_kb "$pid")"

startup_line=""
if [[ $startup == 1 ]]; then
  # The generated 2,000-skill catalogue (tests/SkillBot.Testing/GeneratedCatalogue.cs), written by the benchmarks' `generate` verb.
  if grep -q '"generate"' "$repo/tests/SkillBot.Benchmarks/Program.cs" 2>/dev/null; then
    dotnet run -c Release --project "$repo/tests/SkillBot.Benchmarks" -v q -- generate "$work/catalogue-2000" 2000 >/dev/null
    ports=("$(free_port)" "$(free_port)")
    start_skillbot "${ports[0]}" "$work/startup-builtin.log"
    builtin_ms="$(wait_ready "http://127.0.0.1:${ports[0]}/readyz" "$skillbot_start_ns" "$skillbot_pid")"
    sleep 1; builtin_rss="$(rss_kb "$skillbot_pid")"; kill "$skillbot_pid"
    start_skillbot "${ports[1]}" "$work/startup-2000.log" --catalogue "$work/catalogue-2000"
    generated_ms="$(wait_ready "http://127.0.0.1:${ports[1]}/readyz" "$skillbot_start_ns" "$skillbot_pid")"
    sleep 1; generated_rss="$(rss_kb "$skillbot_pid")"; kill "$skillbot_pid"
    startup_line="$builtin_ms $builtin_rss $generated_ms $generated_rss"
  else
    echo "note: no catalogue generator (tests/SkillBot.Benchmarks 'generate') in this build: startup with 2,000 skills not measured" >&2
  fi
fi

node - "$work" "$teams" "$connections" "$threads" "$duration" "$response_bytes" "$rss_after_load" "${replies_before:-}" "${replies_after:-}" "$startup_line" "$load_before" "$reply_bytes" <<'EOF'
const fs = require('fs');
const [work, teams, connections, threads, duration, responseBytes, rssAfterLoad, repliesBefore, repliesAfter, startup, loadBefore, replyBytes] = process.argv.slice(2);
const read = (name) => JSON.parse(fs.readFileSync(`${work}/${name}.json`, 'utf8'));
const ceiling = read('ceiling');
const names = ['slack', 'teams', 'answer'].filter((n) => n !== 'teams' || teams === '1');
const labels = { ceiling: 'ceiling (bare ASP.NET Core)', slack: 'Slack slash command', teams: 'Teams /api/messages', answer: 'GET /api/v1/answer' };
const rows = [['target', 'requests/s', 'p50 ms', 'p99 ms', 'errors', 'vs ceiling', 'verdict']];
let allMet = true;
const errors = (r) => r.non2xx + r.socket_errors;
rows.push([labels.ceiling, ceiling.rps.toFixed(0), ceiling.p50_ms.toFixed(2), ceiling.p99_ms.toFixed(2), String(errors(ceiling)), '100%',
  ceiling.p99_ms < 5 && errors(ceiling) === 0 ? 'load valid (p99 < 5 ms)' : 'ceiling p99 >= 5 ms: lower --connections']);
for (const name of names) {
  const r = read(name);
  const ratio = r.rps / ceiling.rps;
  const misses = [];
  if (ratio < 0.6) misses.push('< 60%');
  if (r.p99_ms >= 20) misses.push('p99 >= 20 ms');
  if (errors(r) > 0) misses.push('errors');
  allMet &&= misses.length === 0;
  rows.push([labels[name], r.rps.toFixed(0), r.p50_ms.toFixed(2), r.p99_ms.toFixed(2), `${errors(r)}${errors(r) ? ` (${r.non2xx} non-2xx, ${r.socket_errors} socket)` : ''}`,
    `${(ratio * 100).toFixed(0)}%`, misses.length ? `MISS: ${misses.join(', ')}` : 'met']);
}
console.log(`\n${new Date().toISOString().slice(0, 10)}  wrk -t${threads} -c${connections} -d${duration}, ceiling response ${responseBytes} bytes, ${require('os').cpus().length} cores (load generator on the same machine)`);
// Other work on the machine skews every figure: the load average before the run says how quiet it was.
console.log(`load average before the run ${loadBefore}, after ${require('os').loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
rows.forEach((r, i) => {
  console.log('| ' + r.map((c, j) => c.padEnd(widths[j])).join(' | ') + ' |');
  if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
});
if (teams === '1' && repliesAfter) {
  // Replies are counted from before the warm-up to 2 s after the measured run: one per activity, none lost.
  const warm = JSON.parse(fs.readFileSync(`${work}/teams.warmup.txt`, 'utf8').split('\n').find((l) => l.startsWith('RESULT ')).slice(7));
  const teamsRuns = 1 + read('teams').rounds.length;
  // An activity refused with 503 (the reply queue full: Teams delivers it again) is not one to answer.
  const sent = warm.requests - warm.non2xx + read('teams').requests - read('teams').non2xx;
  const got = JSON.parse(repliesAfter).replies - JSON.parse(repliesBefore).replies;
  // wrk counts the responses it read: the activities still in flight when each of its runs stops (at most one a
  // connection) were answered too, so up to runs × connections replies more than wrk's count is every activity once.
  const duplicates = JSON.parse(repliesAfter).duplicateReplies - JSON.parse(repliesBefore).duplicateReplies;
  const inFlight = got - sent;
  console.log(`\nTeams replies received by the fake connector: ${got} for ${sent} activities wrk counted as taken (warm-up and measured run); ` +
    `${inFlight} more were in flight when wrk stopped (at most ${teamsRuns * connections}); ${duplicates} activities answered twice` +
    (duplicates === 0 && inFlight >= 0 && inFlight <= teamsRuns * connections ? ': every activity answered once' : ': MISS'));
  // A Teams message is two HTTP exchanges (the activity in, the reply out to the connector, here a Node fake on
  // the same cores): the bare app doing only those shows how much of the form ceiling that exchange leaves.
  const bare = read('teams-ceiling');
  const ofBare = read('teams').rps / bare.rps;
  allMet &&= ofBare >= 0.8 && duplicates === 0;
  console.log(`Teams ceiling (bare app: read the activity, 200, post one of SkillBot's replies, ${replyBytes} bytes on average, to the fake connector): ${bare.rps.toFixed(0)} requests/s, ` +
    `p99 ${bare.p99_ms.toFixed(2)} ms, ${errors(bare)} errors = ${(100 * bare.rps / ceiling.rps).toFixed(0)}% of the ceiling; ` +
    `SkillBot's Teams endpoint reaches ${(100 * ofBare).toFixed(0)}% of it` + (ofBare >= 0.8 ? ' (target 80%: met)' : ' (target 80%: MISS)') +
    `; by round (messages/s, SkillBot vs bare): ${read('teams').rounds.map((r, i) => `${r} vs ${bare.rounds[i]}`).join(', ')}` +
    ` (the rounds include ${read('teams').drain_seconds.toFixed(1)} s and ${bare.drain_seconds.toFixed(1)} s waiting for their last replies)`);
}
console.log(`SkillBot RSS after the load: ${(Number(rssAfterLoad) / 1024).toFixed(1)} MiB`);
if (startup) {
  const [bMs, bKb, gMs, gKb] = startup.split(' ').map(Number);
  console.log(`startup to ready (/readyz 200): built-in catalogue ${bMs} ms, RSS ${(bKb / 1024).toFixed(1)} MiB; generated 2,000-skill catalogue ${gMs} ms, RSS ${(gKb / 1024).toFixed(1)} MiB`);
}
console.log(allMet ? '\nall targets met' : '\nsome targets missed (see verdicts)');
process.exit(allMet ? 0 : 1);
EOF
