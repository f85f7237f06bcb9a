// pnpm bench — issue+verify cycles per second through the engine with the memory store, against
// a baseline measured in the same run: the bare cryptographic work one cycle cannot avoid
// (getRandomValues + HMAC-SHA-256 + a constant-time compare). The ratio says how much the
// engine's rules (records, counters, events, JSON) cost on top of the crypto.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { constantTimeEqual, createMemoryStore, createOtp } from "../src/index.js";

const DURATION_MS = 2_000;

async function measure(name: string, body: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < 2_000; i++) await body(i); // warm-up: JIT, caches
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    for (let j = 0; j < 100; j++) await body(n++);
  }
  const perSecond = n / ((performance.now() - start) / 1000);
  console.log(
    `${name.padEnd(44)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} /s`,
  );
  return perSecond;
}

const key = new TextEncoder().encode("bench-secret-0123456789abcdef0123456789");
const expected = hmac(
  sha256,
  key,
  new TextEncoder().encode("otpkit/v1\u0000sid\u0000id\u0000123456"),
);
const bytes = new Uint8Array(16);
const baseline = await measure("baseline: getRandomValues + HMAC + compare", () => {
  crypto.getRandomValues(bytes);
  const mac = hmac(sha256, key, new TextEncoder().encode("otpkit/v1\u0000sid\u0000id\u0000123456"));
  return constantTimeEqual(mac, expected);
});

const otp = createOtp({
  store: createMemoryStore(),
  secrets: [{ id: "bench", key: "bench-secret-0123456789abcdef0123456789" }],
  resend: { cooldownMs: 0, maxSends: 1000 },
});
const cycles = await measure("otp-core: issue + verify (memory store)", async (i) => {
  const subject = `user-${i % 10_000}`;
  const issued = await otp.issue({ subject, deliver: false });
  if (issued.status !== "issued") throw new Error(`unexpected ${issued.status}`);
  const result = await otp.verify({ subject, code: issued.code! });
  if (result.status !== "verified") throw new Error(`unexpected ${result.status}`);
});
await otp.close();

console.log(
  `ratio engine / baseline: ${(cycles / baseline).toFixed(3)} (1.0 = the engine costs no more than its bare crypto)`,
);
