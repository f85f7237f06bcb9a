import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import { Redis } from "ioredis";
const mode = process.argv[2] ?? "redis";
const scenario = process.argv[3] ?? "check";
const r = new Redis("redis://127.0.0.1:6379/12"); await r.flushdb(); await r.quit();
const dataDir = mkdtempSync("/tmp/prof/data-");
const port = 39123;
const env = { ...process.env, NODE_ENV: "development", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", LOG_FORMAT: "json",
  TEST_RECIPIENTS: "*@example.test", TEST_CODE: "000000", API_KEY_MAX_SENDS_PER_HOUR: "1000000", API_KEY_MAX_SENDS_PER_DAY: "10000000" };
if (mode !== "sqlite") env.REDIS_URL = "redis://127.0.0.1:6379/12";
if (mode === "pg") env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/otpkit_prof";
async function start(prof) {
  const args = prof ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : [];
  const child = spawn("node", [...args, process.env.SERVER ?? "/work/main/apps/server/dist/main.js"], { env, cwd: dataDir, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 100; i++) { try { const res = await fetch(`http://127.0.0.1:${port}/readyz`); if (res.ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
  return child;
}
async function stop(child) { child.kill("SIGTERM"); await new Promise((r) => child.on("exit", r)); }
let child = await start(false);
const key = readFileSync(`${dataDir}/dev-api-key`, "utf8").trim();
const H = { authorization: `Bearer ${key}`, "content-type": "application/json" };
let n = 0;
const ids = [];
if (scenario === "check") {
  const N = Number(process.env.N ?? 20000);
  const t = Date.now();
  const make = async () => { while (ids.length < N) { const i = n++; const res = await fetch(`http://127.0.0.1:${port}/api/v1/verifications`, { method: "POST", headers: H, body: JSON.stringify({ subject: `s${i}`, recipient: { email: `u${i}@example.test` } }) }); const j = await res.json(); ids.push(j.id); } };
  await Promise.all(Array.from({ length: 20 }, make));
  console.log("created", ids.length, "in", Date.now() - t, "ms");
}
await stop(child);
child = await start(!!process.env.PROF);
import { execSync } from "node:child_process";
const stat = () => mode === "pg" ? execSync("sleep 1; bash /tmp/prof/pgstat.sh").toString().trim() : "";
console.log("before", stat());
let k = 0;
const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, duration: Number(process.env.D ?? 8),
  requests: [{ method: "POST", setupRequest: (req) => {
    if (scenario === "check") { const id = ids[k++ % ids.length]; return { ...req, path: `/api/v1/verifications/${id}/check`, headers: H, body: JSON.stringify({ code: "000000" }) }; }
    const i = n++; return { ...req, path: `/api/v1/verifications`, headers: H, body: JSON.stringify({ subject: `x${i}`, recipient: { email: `x${i}@example.test` } }) };
  } }] });
console.log("after", stat());
console.log(mode, scenario, "req/s", result.requests.average, "p50", result.latency.p50, "p99", result.latency.p99, "non2xx", result.non2xx, "errors", result.errors, "sent", k);
await stop(child);
