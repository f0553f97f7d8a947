// Helpers for tests/load/run.sh, in one file with subcommands (Node's own modules only, nothing to install):
//   keygen DIR                      an RSA key for Teams tokens: DIR/key.pem (private), DIR/jwks.json (public, endorsed for msteams)
//   fakes PORT DIR                  the local stand-ins for Microsoft: OpenID metadata + JWKS, token endpoint, Bot Connector
//   slack-requests FILE N SECRET BASE  N signed slash-command requests (fresh timestamp; response_url under BASE),
//                                   one per line: TIMESTAMP \t v0=SIG \t BODY
//   teams-tokens FILE N DIR URL     N RS256 tokens signed with DIR/key.pem for serviceurl URL (audience: APP_ID below)
//   questions FILE                  the question set, one per line (answer API and Teams bodies are built from it in Lua)
//   probe ...                       one request of each kind, checked, and the mean slash-command response size (for the ceiling)
//   soak ...                        a paced, bounded mix of the three endpoints with SkillBot's RSS sampled every 10 s
// wrk's Lua has no crypto, so signatures and tokens are made here before a run and the Lua scripts cycle
// through them. Every server here listens on 127.0.0.1 only, and every loop is bounded in count and time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const APP_ID = 'load-test-bot-app-id';
const KID = 'load-test-key';
const BOT_ID = '28:load-test-bot';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

// Questions over the built-in catalogue, covering every intent (expectation, compare, role profile, overview,
// clarify, not found, help) so the load is not one cached path.
export const QUESTIONS = [
  'what does senior LLM engineer need in deep learning?',
  'deep learning: middle vs senior data scientist',
  "I'm a senior data scientist",
  'deep learning overview',
  'senior deep learning',
  'senior kubernetes engineer',
  'DL / jr / DS',
  'from middle to senior llm engineer deep learning',
  'how do I become a lead data scientist in deep learning?',
  'what does a principal LLM engineer need in deep lerning',
  'level 3 data scientist deep learning',
  'hello',
];
const USERS = 1000;

const b64url = (data) => Buffer.from(data).toString('base64url');
const form = (fields) => Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

function slackBody(i, responseBase) {
  return form({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: `T0LOAD${i % 7}`,
    team_domain: 'load',
    channel_id: 'C2147483705',
    channel_name: 'general',
    user_id: `U${String(i % USERS).padStart(6, '0')}`,
    user_name: 'load',
    command: '/skill',
    text: QUESTIONS[i % QUESTIONS.length],
    api_app_id: 'A0LOAD',
    is_enterprise_install: 'false',
    response_url: `${responseBase}/commands/T0LOAD/${1000 + i}/abcdefghijklmnopqrstuvwx`,
    trigger_id: `13345224609.738474920.${i}`,
  });
}

function slackSign(secret, body, timestamp) {
  return 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

function teamsToken(privateKey, serviceUrl, lifetimeSeconds, n) {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: KID };
  const payload = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + lifetimeSeconds, jti: `load-${n}` };
  const signed = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signed}.${crypto.sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`;
}

function teamsActivity(serviceUrl, id, i) {
  return JSON.stringify({
    type: 'message', id, timestamp: new Date().toISOString(), serviceUrl, channelId: 'msteams',
    from: { id: `29:user-${i % USERS}`, name: 'Load', aadObjectId: `aad-${i % USERS}` },
    conversation: { id: `a:load-conversation-${i % USERS}`, conversationType: 'personal', tenantId: TENANT },
    recipient: { id: BOT_ID, name: 'SkillBot' },
    text: QUESTIONS[i % QUESTIONS.length], textFormat: 'plain', locale: 'en-US',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web' }],
    channelData: { tenant: { id: TENANT } },
  });
}

function keygen(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(path.join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const jwk = publicKey.export({ format: 'jwk' });
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...jwk, kid: KID, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
}

// Microsoft's side of a Teams conversation, on loopback: metadata and keys for inbound tokens, the token
// endpoint for outbound ones, and a connector that takes replies. GET /stats counts the replies received.
function fakes(port, dir) {
  const jwks = fs.readFileSync(path.join(dir, 'jwks.json'), 'utf8');
  const base = `http://127.0.0.1:${port}`;
  const stats = {
    replies: 0, badReplies: 0, duplicateReplies: 0, replyBytes: 0,
    ceilingReplies: 0, ceilingBadReplies: 0, ceilingDuplicateReplies: 0, ceilingReplyBytes: 0, tokens: 0, keyFetches: 0,
  };
  // Each side's counters in stats, and the activity ids it replied to (a second reply to one is a duplicate).
  const sides = {
    skillbot: { replies: 'replies', bad: 'badReplies', duplicates: 'duplicateReplies', bytes: 'replyBytes', answered: new Set() },
    ceiling: { replies: 'ceilingReplies', bad: 'ceilingBadReplies', duplicates: 'ceilingDuplicateReplies', bytes: 'ceilingReplyBytes', answered: new Set() },
  };
  const samples = []; // the first good replies' bodies (GET /replies): the ceiling app posts these same bytes
  const send = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      if (req.method === 'GET' && url === '/botframework/.well-known/openidconfiguration') {
        return send(res, 200, JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/botframework/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      }
      if (req.method === 'GET' && url === '/botframework/keys') {
        stats.keyFetches++;
        return send(res, 200, jwks);
      }
      if (req.method === 'POST' && url === '/token') {
        stats.tokens++;
        return send(res, 200, JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: `load-app-token-${stats.tokens}` }));
      }
      if (req.method === 'POST' && url.startsWith('/v3/conversations/')) {
        // A reply counts only when it carries the app token and is an activity with a card. SkillBot's replies and the
        // ceiling app's (tests/load/Ceiling, which posts SkillBot's replies again, its token says so) are read, checked
        // and counted with the same work, apart: this process shares the cores with both, so neither costs it more.
        const ceiling = req.headers.authorization === 'Bearer load-app-token-ceiling';
        const body = Buffer.concat(chunks);
        let ok = (req.headers.authorization ?? '').startsWith('Bearer load-app-token-');
        try { ok = ok && JSON.parse(body.toString('utf8')).type === 'message'; } catch { ok = false; }
        const side = ceiling ? sides.ceiling : sides.skillbot;
        stats[ok ? side.replies : side.bad]++;
        if (ok) stats[side.bytes] += body.length;
        const replyTo = url.split('/activities/')[1];
        if (ok && replyTo) side.answered.has(replyTo) ? stats[side.duplicates]++ : side.answered.add(replyTo);
        if (ok && !ceiling && samples.length < 64) samples.push(body.toString('utf8'));
        return send(res, ok ? 200 : 400, JSON.stringify({ id: `1:${ceiling ? 'ceiling' : 'reply'}-${stats[side.replies]}` }));
      }
      if (req.method === 'GET' && url === '/stats') {
        return send(res, 200, JSON.stringify(stats));
      }
      if (req.method === 'GET' && url === '/replies') {
        return send(res, 200, JSON.stringify(samples));
      }
      send(res, 404, '{}');
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(port, '127.0.0.1', () => console.error(`fakes on ${base}`));
  // Never outlives a run by much: run.sh stops it, and this is the backstop.
  setTimeout(() => process.exit(0), 60 * 60 * 1000).unref();
}

function slackRequests(file, count, secret, responseBase) {
  const timestamp = Math.floor(Date.now() / 1000);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const body = slackBody(i, responseBase);
    lines.push(`${timestamp}\t${slackSign(secret, body, timestamp)}\t${body}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

function teamsTokens(file, count, dir, serviceUrl) {
  const key = crypto.createPrivateKey(fs.readFileSync(path.join(dir, 'key.pem')));
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(teamsToken(key, serviceUrl, 3600, i));
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

async function post(url, headers, body) {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
}

async function get(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
}

// Before the load: each kind of request once, checked, so a run never measures 401s or 404s at full speed.
async function probe({ skillbot, fakesUrl, secret, dir, teams: withTeams }) {
  const timestamp = Math.floor(Date.now() / 1000);
  let total = 0;
  for (let i = 0; i < QUESTIONS.length; i++) {
    const body = slackBody(i, fakesUrl);
    const r = await post(`${skillbot}/api/slack/commands`, {
      'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSign(secret, body, timestamp),
    }, body);
    if (r.status !== 200 || !JSON.parse(r.body).blocks) throw new Error(`slash command: ${r.status} ${r.body.slice(0, 200)}`);
    total += Buffer.byteLength(r.body);
  }
  const answer = await get(`${skillbot}/api/v1/answer?q=${encodeURIComponent(QUESTIONS[0])}&user=probe`);
  if (answer.status !== 200 || !JSON.parse(answer.body).intent) throw new Error(`answer API: ${answer.status} ${answer.body.slice(0, 200)}`);
  if (withTeams !== '0') await probeTeams(skillbot, fakesUrl, dir);
  console.log(Math.round(total / QUESTIONS.length));
}

async function probeTeams(skillbot, fakesUrl, dir) {
  const key = crypto.createPrivateKey(fs.readFileSync(path.join(dir, 'key.pem')));
  const serviceUrl = `${fakesUrl}/`;
  const before = JSON.parse((await get(`${fakesUrl}/stats`)).body).replies;
  // One activity a question, so the replies the fakes keep (the ceiling's bare exchange posts them) are every kind of answer.
  for (let i = 0; i < QUESTIONS.length; i++) {
    const teams = await post(`${skillbot}/api/messages`, { 'content-type': 'application/json', authorization: `Bearer ${teamsToken(key, serviceUrl, 600, 0)}` },
      teamsActivity(serviceUrl, `probe-${Date.now()}-${i}`, i));
    if (teams.status !== 200) throw new Error(`Teams: ${teams.status} ${teams.body.slice(0, 200)}`);
  }
  const unsigned = await post(`${skillbot}/api/messages`, { 'content-type': 'application/json' }, teamsActivity(serviceUrl, `probe-unsigned-${Date.now()}`, 0));
  if (unsigned.status !== 401) throw new Error(`Teams without a token answered ${unsigned.status}, not 401: authentication is off`);
  for (let waited = 0; ; waited += 100) {
    if (JSON.parse((await get(`${fakesUrl}/stats`)).body).replies >= before + QUESTIONS.length) break;
    if (waited > 10_000) throw new Error(`Teams: ${QUESTIONS.length} replies did not reach the fake connector within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

// The soak: a steady paced mix (slash command, Teams message, answer API in turn), signing live (Slack
// timestamps go stale after 5 minutes), RSS sampled every 10 s. Bounded by duration and by a request cap.
async function soak({ skillbot, fakesUrl, secret, dir, pid, seconds, rate, warmup, teams: withTeams }) {
  const key = crypto.createPrivateKey(fs.readFileSync(path.join(dir, 'key.pem')));
  const serviceUrl = `${fakesUrl}/`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const target = new URL(skillbot);
  const maxRequests = Math.ceil(seconds * rate * 1.05);
  let token = teamsToken(key, serviceUrl, 3600, 0);
  let tokenAt = Date.now();
  const counts = { sent: 0, ok: 0, non2xx: 0, socketErrors: 0, byKind: { slack: 0, teams: 0, answer: 0 } };
  const latencies = [];
  const samples = [];
  const send = (method, pathAndQuery, headers, body) => new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port: target.port, method, path: pathAndQuery, headers, agent, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        res.statusCode >= 200 && res.statusCode < 300 ? counts.ok++ : counts.non2xx++;
        resolve();
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => { counts.socketErrors++; resolve(); });
    req.end(body);
  });
  const kinds = withTeams === '0' ? ['slack', 'answer'] : ['slack', 'teams', 'answer'];
  const one = (i) => {
    const kind = kinds[i % kinds.length];
    counts.byKind[kind]++;
    if (kind === 'slack') {
      const body = slackBody(i, fakesUrl);
      const timestamp = Math.floor(Date.now() / 1000);
      return send('POST', '/api/slack/commands', { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSign(secret, body, timestamp), 'content-length': Buffer.byteLength(body) }, body);
    }
    if (kind === 'teams') {
      if (Date.now() - tokenAt > 30 * 60 * 1000) { token = teamsToken(key, serviceUrl, 3600, i); tokenAt = Date.now(); }
      const body = teamsActivity(serviceUrl, `soak-${process.pid}-${i}`, i);
      return send('POST', '/api/messages', { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) }, body);
    }
    return send('GET', `/api/v1/answer?q=${encodeURIComponent(QUESTIONS[i % QUESTIONS.length])}&user=soak-${i % USERS}`, {}, undefined);
  };
  const started = Date.now();
  const sampler = setInterval(() => {
    const at = Math.round((Date.now() - started) / 1000);
    try { samples.push({ at, rssKb: rssKb(pid) }); } catch { samples.push({ at, rssKb: null }); }
    console.error(`soak ${at}s: ${counts.sent} sent, ${counts.non2xx} non-2xx, ${counts.socketErrors} socket errors, RSS ${samples.at(-1).rssKb} kB`);
  }, 10_000);
  samples.push({ at: 0, rssKb: rssKb(pid) });
  const inFlight = new Set();
  const interval = 1000 / rate;
  while (Date.now() - started < seconds * 1000 && counts.sent < maxRequests) {
    // Open-loop pacing: request i is due at started + i * interval, whatever the previous ones did.
    const due = started + counts.sent * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= 256) { await Promise.race(inFlight); continue; } // never an unbounded pile-up
    const p = one(counts.sent++).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 15_000))]);
  clearInterval(sampler);
  samples.push({ at: Math.round((Date.now() - started) / 1000), rssKb: rssKb(pid) });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p / 100 * latencies.length))] : 0;
  const afterWarmup = samples.filter((s) => s.at >= warmup && s.rssKb);
  const base = afterWarmup[0]?.rssKb ?? 0;
  const peak = Math.max(...afterWarmup.map((s) => s.rssKb));
  const last = afterWarmup.at(-1)?.rssKb ?? 0;
  const stats = JSON.parse((await get(`${fakesUrl}/stats`)).body);
  console.log(JSON.stringify({
    seconds: Math.round((Date.now() - started) / 1000), rate, ...counts, connectorReplies: stats.replies, badReplies: stats.badReplies,
    p50Ms: +pct(50).toFixed(2), p99Ms: +pct(99).toFixed(2), maxMs: +pct(100).toFixed(2),
    warmupSeconds: warmup, rssAfterWarmupKb: base, rssPeakKb: peak, rssLastKb: last,
    growthPct: base ? +((last - base) / base * 100).toFixed(1) : null, peakGrowthPct: base ? +((peak - base) / base * 100).toFixed(1) : null,
    samples,
  }));
}

const [command, ...args] = process.argv.slice(2);
const options = (list) => Object.fromEntries(list.map((a) => a.split(/=(.*)/s).slice(0, 2)).map(([k, v]) => [k.replace(/^--/, ''), v]));
switch (command) {
  case 'keygen': keygen(args[0]); break;
  case 'fakes': fakes(Number(args[0]), args[1]); break;
  case 'slack-requests': slackRequests(args[0], Number(args[1]), args[2], args[3]); break;
  case 'teams-tokens': teamsTokens(args[0], Number(args[1]), args[2], args[3]); break;
  case 'questions': fs.writeFileSync(args[0], QUESTIONS.join('\n') + '\n'); break;
  case 'probe': await probe(options(args)); break;
  case 'soak': {
    const o = options(args);
    await soak({ ...o, seconds: Number(o.seconds), rate: Number(o.rate), warmup: Number(o.warmup), pid: Number(o.pid) });
    break;
  }
  default:
    console.error('usage: node load.mjs keygen|fakes|slack-requests|teams-tokens|questions|probe|soak ...');
    process.exit(2);
}
