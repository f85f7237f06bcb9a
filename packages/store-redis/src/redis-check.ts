import { configError, intOption, OtpError } from "@otpkit/otp-core";
import type { Cluster, Redis } from "ioredis";
import { PREFIX, runBounded, SOURCE } from "./redis-errors.js";

/** Options for {@link checkRedisStore}. */
export interface CheckRedisStoreOptions {
  /** The longest each `CONFIG GET` may wait before `STORE_UNAVAILABLE`. @default 5000 */
  timeoutMs?: number;
}

/** What {@link checkRedisStore} found on each server it asked. */
export interface RedisStoreCheck {
  /** One entry per server: the standalone server, or every master of a Cluster. */
  nodes: Array<{ node: string; maxmemoryPolicy: string }>;
}

/**
 * Checks that the Redis behind `client` will never evict otpkit's records: `maxmemory-policy`
 * must be `noeviction` on the server (on every master of a Cluster). Call it once at startup.
 *
 * Why: under any other policy Redis drops keys when memory runs short. `allkeys-*` may drop any
 * key and `volatile-*` any key with a TTL, which is every otpkit record. A dropped record is a
 * subject's failure count, lock and resend throttle gone: an attacker who can fill memory gets a
 * fresh guessing budget. With `noeviction` a full Redis refuses writes (`OOM`, reported as
 * `STORE_UNAVAILABLE`) and never forgets live state.
 *
 * Managed services often disable `CONFIG` (renamed, or not allowed by the user's ACL). Then the
 * policy cannot be read and this throws `CONFIG_INVALID` with `details.reason: "unreadable"`:
 * confirm the setting with the provider (its parameter group), and catch that one case if you
 * accept running on its word.
 *
 * @param client The same ioredis `Redis` or `Cluster` the store uses.
 * @param options A time limit per server.
 * @returns The policy found on each server (all `noeviction`).
 * @throws {OtpError} `CONFIG_INVALID` with `field: "maxmemory-policy"`: `details.reason`
 *   `"evicting"` (naming the server and its policy; the fix is `noeviction`) or `"unreadable"`
 *   (`CONFIG GET` refused). `STORE_UNAVAILABLE` when a server does not answer.
 * @example
 * ```ts
 * const client = new Redis(process.env.REDIS_URL);
 * await checkRedisStore(client); // throws unless maxmemory-policy is noeviction
 * const store = createRedisStore({ client });
 * ```
 */
export async function checkRedisStore(
  client: Redis | Cluster,
  options: CheckRedisStoreOptions = {},
): Promise<RedisStoreCheck> {
  const timeoutMs = intOption("timeoutMs", options.timeoutMs ?? 5_000, 0, 600_000, {
    source: SOURCE,
  });
  if (typeof client !== "object" || client === null || typeof client.config !== "function") {
    throw configError("client", "an ioredis Redis or Cluster instance", client, undefined, {
      source: SOURCE,
    });
  }
  const servers = await serversOf(client, timeoutMs);
  const nodes: RedisStoreCheck["nodes"] = [];
  for (const server of servers) {
    const node = `${server.options.host ?? "?"}:${server.options.port ?? "?"}`;
    const maxmemoryPolicy = await readPolicy(server, node, timeoutMs);
    if (maxmemoryPolicy !== "noeviction") {
      throw configError(
        "maxmemory-policy",
        '"noeviction"',
        maxmemoryPolicy,
        `Redis at ${node} may evict live OTP records, and with them failure counts and locks: set maxmemory-policy noeviction in its configuration`,
        { source: SOURCE, details: { reason: "evicting", node, maxmemoryPolicy } },
      );
    }
    nodes.push({ node, maxmemoryPolicy });
  }
  return { nodes };
}

/** The standalone client itself, or one connection per Cluster master (connecting first). */
async function serversOf(client: Redis | Cluster, timeoutMs: number): Promise<Redis[]> {
  if (!client.isCluster) return [client as Redis];
  const cluster = client as Cluster;
  // A Cluster client learns its nodes from the first command; PING makes sure it has.
  if (cluster.nodes("master").length === 0) {
    await runBounded("checkRedisStore", timeoutMs, () => cluster.ping());
  }
  return cluster.nodes("master");
}

async function readPolicy(server: Redis, node: string, timeoutMs: number): Promise<string> {
  let reply: unknown;
  try {
    reply = await runBounded("checkRedisStore", timeoutMs, () =>
      server.config("GET", "maxmemory-policy"),
    );
  } catch (error) {
    const cause = (error as OtpError).cause as Error | undefined;
    const refused =
      cause?.name === "ReplyError" && /^(ERR unknown command|NOPERM)/.test(cause.message);
    if (!refused) throw error;
    throw new OtpError(
      "CONFIG_INVALID",
      `${PREFIX} cannot read maxmemory-policy on ${node}: CONFIG GET was refused (${cause.message.split(",", 1)[0]}). otpkit needs maxmemory-policy noeviction: confirm it with your Redis provider, then skip this check`,
      { cause, field: "maxmemory-policy", source: SOURCE, details: { reason: "unreadable", node } },
    );
  }
  // RESP2 answers ["maxmemory-policy", "noeviction"]; RESP3 a map, which ioredis may hand over
  // as an object or as a flat array.
  const policy = Array.isArray(reply)
    ? reply[1]
    : typeof reply === "object" && reply !== null
      ? (reply as Record<string, unknown>)["maxmemory-policy"]
      : undefined;
  if (typeof policy !== "string") {
    throw new OtpError(
      "CONFIG_INVALID",
      `${PREFIX} cannot read maxmemory-policy on ${node}: CONFIG GET gave no value. otpkit needs maxmemory-policy noeviction: confirm it with your Redis provider, then skip this check`,
      { field: "maxmemory-policy", source: SOURCE, details: { reason: "unreadable", node } },
    );
  }
  return policy;
}
