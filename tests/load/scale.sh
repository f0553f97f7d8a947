#!/usr/bin/env bash
# Scale run: what a 20,000-skill catalogue costs against the built-in one, on this machine (README, Performance).
#
#   tests/load/scale.sh [--skills 20000] [--duration 20s] [--no-build]
#
# Builds Release, generates the catalogue (tests/SkillBot.Benchmarks `generate DIR N uniform`: five roles × five
# levels a skill, with questions.txt of the kinds people ask; `questions builtin` the same kinds for the built-in
# one), then for each: start to ready (/readyz 200) and resident memory, and GET /api/v1/answer asked in a loop from
# one client (wrk, one connection) for p50/p99. Then a live reload of the large catalogue under the same load: how
# long it took, resident memory sampled every 100 ms (peak, at the swap, 10 s after), and the slowest answer
# meanwhile. Last, the start's phases in-process (load, Assistant) in CPU time and allocations.
# All traffic is on 127.0.0.1; every process started here is stopped on exit. Not part of `dotnet test`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
skills=20000
duration=20s
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skills) skills="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$skills" =~ ^[0-9]+$ ]] && (( skills >= 1 && skills <= 40000 )) || { echo "--skills takes 1..40000" >&2; exit 2; }
[[ "$duration" =~ ^[0-9]+s$ ]] || { echo "--duration takes seconds, e.g. 20s" >&2; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

if [[ $build == 1 ]]; then
  echo "building Release…" >&2
  dotnet build -c Release "$repo/src/SkillBot" -v q -nologo >&2
  dotnet build -c Release "$repo/tests/SkillBot.Benchmarks" -v q -nologo >&2
fi
skillbot_dll="$repo/src/SkillBot/bin/Release/net10.0/SkillBot.dll"
benchmarks_dll="$repo/tests/SkillBot.Benchmarks/bin/Release/net10.0/SkillBot.Benchmarks.dll"

work="$(mktemp -d /tmp/skillbot-scale.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
key="$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")"

echo "generating $skills skills…" >&2
dotnet "$benchmarks_dll" generate "$work/catalogue" "$skills" uniform >&2
mv "$work/catalogue/questions.txt" "$work/generated-questions.txt"
# Both catalogues are asked the same kinds of question (LoadQuestions: names spread over the catalogue, 100 in turn),
# so the p50 ratio compares catalogue sizes, not question mixes. Until 2026-12-04 the built-in run asked the load
# run's twelve questions (load.mjs), another mix with other costs.
dotnet "$benchmarks_dll" questions builtin "$work/builtin-questions.txt"

start() { # NAME [args…]: starts SkillBot, waits until ready; sets pid, url, ready_ms, rss
  local name="$1"; shift
  local port; port="$(free_port)"
  local start_ns; start_ns=$(date +%s%N)
  # Each start its own progress folder: a catalogue history kept by an earlier run on another folder would load its last version at startup.
  dotnet "$skillbot_dll" --urls "http://127.0.0.1:$port" --Admin:ApiKey="$key" --Progress:DataFolder="$work/data-$name" \
    --RateLimits:PerUserPerMinute=100000000 --RateLimits:PerWorkspacePerMinute=100000000 --RateLimits:PerClientAddressPerMinute=100000000 \
    "$@" >"$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  url="http://127.0.0.1:$port"
  local deadline=$((SECONDS + 180))
  until curl -fs -o /dev/null --max-time 2 "$url/readyz"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$name.log" >&2; echo "SkillBot ($name) died" >&2; exit 1; }
    (( SECONDS < deadline )) || { echo "SkillBot ($name) not ready within 180 s" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  sleep 1
  rss="$(rss_mib "$pid")"
  echo "$name: ready in $ready_ms ms, RSS $rss MiB" >&2
}

answer_run() { # NAME QUESTIONS: a warm-up, then the measured loop from one client; prints "p50 p99 errors"
  wrk -t1 -c1 -d5s --timeout 5s -s "$here/answer.lua" "$url/api/v1/answer" -- "$2" >/dev/null
  wrk -t1 -c1 -d"$duration" --timeout 5s --latency -s "$here/answer.lua" "$url/api/v1/answer" -- "$2" >"$work/$1.txt"
  grep '^RESULT ' "$work/$1.txt" | sed 's/^RESULT //' | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(r.p50_ms, r.p99_ms, r.non2xx + r.socket_errors, r.max_ms ?? "")'
}

start builtin
builtin_ready=$ready_ms builtin_rss=$rss
read -r builtin_p50 builtin_p99 builtin_errors _ < <(answer_run builtin "$work/builtin-questions.txt")
kill "$pid"

start generated --catalogue "$work/catalogue"
generated_ready=$ready_ms generated_rss=$rss
read -r generated_p50 generated_p99 generated_errors _ < <(answer_run generated "$work/generated-questions.txt")

# The reload under load: the folder is read again and swapped in while answers go on. wrk runs until the reload has
# answered and memory has been sampled for 10 s more (SIGINT makes it stop and report).
echo "reloading $skills skills under load…" >&2
wrk -t1 -c1 -d600s --timeout 5s --latency -s "$here/answer.lua" "$url/api/v1/answer" -- "$work/generated-questions.txt" >"$work/reload.txt" &
wrk_pid=$!
pids+=("$wrk_pid")
sleep 2
before_rss="$(rss_mib "$pid")" peak_rss=0
reload_start_ns=$(date +%s%N)
curl -fs -o "$work/reload.json" -X POST -H "X-Api-Key: $key" "$url/api/v1/catalogue/reload" &
reload_pid=$!
while kill -0 "$reload_pid" 2>/dev/null; do
  now="$(rss_mib "$pid")"; (( now > peak_rss )) && peak_rss=$now
  sleep 0.1
done
wait "$reload_pid" || { echo "the reload request failed" >&2; exit 1; }
reload_ms=$(( ($(date +%s%N) - reload_start_ns) / 1000000 ))
swapped_rss="$(rss_mib "$pid")"
for _ in $(seq 1 100); do
  now="$(rss_mib "$pid")"; (( now > peak_rss )) && peak_rss=$now
  sleep 0.1
done
after_rss="$(rss_mib "$pid")"
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" || true
reload_max="$(grep '^RESULT ' "$work/reload.txt" | sed 's/^RESULT //' | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(r.max_ms ?? r.p99_ms)')"
kill "$pid"

# Where a start's time goes, in-process (loading the folder, building the Assistant): CPU time and allocations say
# more than wall-clock time on a busy machine.
phases="$(dotnet "$benchmarks_dll" startup "$work/catalogue" | sed 's/^/  /')"

node - <<EOF
const f = (x) => Number(x).toFixed(2);
const ratio = ${generated_p50} / ${builtin_p50};
const rows = [
  ['catalogue', 'ready', 'RSS', 'answer API p50', 'p99', 'errors'],
  ['built-in', '${builtin_ready} ms', '${builtin_rss} MiB', f(${builtin_p50}) + ' ms', f(${builtin_p99}) + ' ms', '${builtin_errors}'],
  ['${skills} skills', '${generated_ready} ms', '${generated_rss} MiB', f(${generated_p50}) + ' ms', f(${generated_p99}) + ' ms', '${generated_errors}'],
];
console.log('\n' + new Date().toISOString().slice(0, 10) + '  tests/load/scale.sh --skills ${skills} --duration ${duration}, load average ' + require('os').loadavg().map((l) => l.toFixed(2)).join(' ') + '\n');
rows.forEach((r, i) => { console.log('| ' + r.join(' | ') + ' |'); if (i === 0) console.log('|' + r.map(() => '---').join('|') + '|'); });
console.log('\nanswer API p50, ${skills} vs built-in: ' + ratio.toFixed(2) + '× (target ≤ 1.3×); p99 ' + f(${generated_p99}) + ' ms (target < 10 ms)');
console.log('ready ${generated_ready} ms (target ≤ 3000), RSS ${generated_rss} MiB (target < 350)');
console.log('reload under load: took ${reload_ms} ms; RSS before ${before_rss} MiB, peak ${peak_rss} MiB, at the swap ${swapped_rss} MiB, 10 s after ${after_rss} MiB (target: not doubled after the swap); slowest answer meanwhile ${reload_max} ms (target ≤ 100)');
console.log('startup phases in-process (tests/SkillBot.Benchmarks startup DIR):');
console.log(\`${phases}\`);
EOF
