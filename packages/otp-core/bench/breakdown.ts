// Where the time goes: a V8 CPU profile (the sampler behind `node --cpu-prof`) folded into a few
// named buckets. Each sample is charged to the innermost frame that says what the work is for,
// walking from the sampled function out towards the root; HMAC samples are further split by
// what the MAC is for (the code or the subject's store key).

/** The parts of a V8 `Profiler.Profile` this reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** A bucket and its share of the profiled (non-idle) time, 0..1. */
export type Breakdown = Array<[bucket: string, share: number]>;

type Frame = CpuProfile["nodes"][number]["callFrame"];

const SRC = "/packages/otp-core/src/";

function own(frame: Frame, file: string): boolean {
  return frame.url.endsWith(`${SRC}${file}`);
}

/** Which bucket a frame puts a sample in, or undefined to keep walking outwards. */
function bucketOf(frame: Frame): string | undefined {
  const { url, functionName: fn } = frame;
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)") return "V8 (unattributed)";
  // tsx (esbuild keepNames) wraps each named closure in __name(): only when running from
  // source, as this bench does; a tsup build has none of it.
  if (fn === "__name") return "tsx __name (source runs only)";
  if (fn === "getRandomValues" || url.includes("crypto/random")) return "getRandomValues";
  if (url.includes("/@noble/hashes/")) return "HMAC";
  if (fn === "nodeHmac" || url === "node:crypto" || url.startsWith("node:internal/crypto/"))
    return "HMAC";
  if (own(frame, "base64url.ts")) return "base64url";
  if (own(frame, "random.ts")) return "code and id generation";
  if (own(frame, "record-codec.ts")) return "record codec (JSON)";
  if (own(frame, "store.ts")) return "memory store";
  if (url.includes(`${SRC}rules/`)) return "rules";
  if (own(frame, "crypto.ts")) return "HMAC glue (UTF-8 input, per-key state)";
  if (url.includes(SRC)) return "engine shell (ops, commit loop, checks, awaits)";
  if (url.includes("/packages/otp-core/bench/")) return "bench loop";
  return undefined;
}

/** What an HMAC is for, from the frames around it (crypto.ts names its three uses). */
function purposeOf(stack: readonly Frame[]): string {
  for (const { functionName: fn, url } of stack) {
    if (fn === "codeMac" || url.endsWith(`${SRC}codes.ts`)) return "code MAC";
    if (fn === "subjectDigest") return "subject digest";
    if (fn === "keyedDigest") return "idempotency digest";
  }
  return "other";
}

/**
 * Folds a CPU profile into buckets, largest first. Idle time is left out; samples that nothing
 * of ours explains (Node internals, microtask machinery) go to "Node internals".
 *
 * @param hmacName How to name the HMAC buckets (`"noble HMAC"`, `"node HMAC"`).
 */
export function breakdown(profile: CpuProfile, hmacName: string): Breakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const buckets = new Map<string, number>();
  let total = 0;
  for (const [id, time] of selfTime) {
    if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      stack.push(byId.get(at)!.callFrame);
    }
    // The profiler's own work (stopping it, sending the profile) is not the engine's.
    if (stack.some((frame) => frame.url === "node:inspector")) continue;
    let bucket = "Node internals";
    for (let i = 0; i < stack.length; i++) {
      const found = bucketOf(stack[i]!);
      if (found === undefined) continue;
      bucket = found === "HMAC" ? `${hmacName}: ${purposeOf(stack.slice(i))}` : found;
      break;
    }
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + time);
    total += time;
  }
  return [...buckets.entries()]
    .map(([name, time]): [string, number] => [name, time / total])
    .sort((a, b) => b[1] - a[1]);
}

/** `noble HMAC: code MAC 21 %, GC 9 %, …` (buckets under `min` folded into "rest"). */
export function formatBreakdown(parts: Breakdown, min = 0.015): string {
  const shown = parts.filter(([, share]) => share >= min);
  const rest = parts.filter(([, share]) => share < min).reduce((sum, [, share]) => sum + share, 0);
  return [...shown, ...(rest > 0 ? [["rest", rest] as [string, number]] : [])]
    .map(([name, share]) => `${name} ${Math.round(share * 100)} %`)
    .join(", ");
}
