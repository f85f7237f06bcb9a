// The secret scan of the reliability suite: every place the server writes or answers, searched
// for the codes it delivered and for its secrets.
import type { OutboxEntry } from "@otpkit/delivery-email";
import { readOutbox } from "@otpkit/delivery-email";
import { Redis } from "ioredis";
import pg from "pg";

/** A named text to search: a table, the Redis keyspace, a log, the response bodies… */
export interface ScanSource {
  label: string;
  /** The texts, each searched on its own (one per row, key, body…). */
  texts: string[];
}

/** A secret to look for, named (the name is reported, never the value). */
export interface Needle {
  label: string;
  value: string;
}

/** One place a code or a secret was found. The report never repeats the value. */
export interface Finding {
  source: string;
  /** Which text of the source (its index). */
  index: number;
  /** "a delivered code" or the needle's label. */
  what: string;
}

/** What {@link scanForSecrets} searches for, and where. */
export interface ScanInput {
  /** Plaintext codes that were delivered: found as a whole token (not inside a longer one). */
  codes: Iterable<string>;
  /** Secrets, found anywhere as a substring. */
  secrets: Needle[];
  sources: ScanSource[];
}

/**
 * Searches every text of every source for a delivered code (a run of base64url symbols that is
 * exactly a code: `code=483921` and `"483921"` are found, the digits inside a timestamp or an id
 * are not)
 * and for every secret (any substring). Returns the findings; none is the pass.
 *
 * @example
 * const findings = scanForSecrets({ codes: sink.codes(), secrets: stack.secrets, sources });
 * expect(findings).toEqual([]);
 */
export function scanForSecrets(input: ScanInput): Finding[] {
  const codes = new Set(input.codes);
  const secrets = input.secrets.filter((s) => s.value.length >= 8);
  const findings: Finding[] = [];
  for (const source of input.sources) {
    source.texts.forEach((text, index) => {
      // Runs of the base64url alphabet: ids (code, verification, message ids) are base64url, and
      // split at "-" or "_" one of them can hold six digits in a row that are no code.
      for (const token of text.match(/[A-Za-z0-9_-]+/g) ?? []) {
        if (codes.has(token))
          findings.push({ source: source.label, index, what: "a delivered code" });
      }
      for (const secret of secrets) {
        if (text.includes(secret.value))
          findings.push({ source: source.label, index, what: secret.label });
      }
    });
  }
  return findings;
}

/**
 * The needles of an API key token `otpk_<id>_<secret>`: the whole token and its secret part (the
 * id is stored on purpose; the secret only as a hash).
 */
export function tokenNeedles(token: string, label = "API key"): Needle[] {
  // otpk_<id>_<secret>; the secret itself may contain "_".
  const secret = token.split("_").slice(2).join("_");
  return [
    { label: `${label} token`, value: token },
    { label: `${label} secret part`, value: secret },
  ];
}

/**
 * Every value under `prefix` in Redis (strings, hashes, lists, sets, sorted sets; binary read as
 * latin1 so no byte is lost), one text per key, the key's name included.
 *
 * @throws {Error} When Redis cannot be reached.
 */
export async function redisSource(redisUrl: string, prefix: string): Promise<ScanSource> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on("error", () => {});
  await redis.connect();
  const texts: string[] = [];
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        let parts: Buffer[] = [];
        if (type === "string") parts = [(await redis.getBuffer(key)) ?? Buffer.alloc(0)];
        else if (type === "hash")
          parts = Object.entries(await redis.hgetallBuffer(key)).flat() as Buffer[];
        else if (type === "list") parts = await redis.lrangeBuffer(key, 0, -1);
        else if (type === "set") parts = await redis.smembersBuffer(key);
        else if (type === "zset") parts = await redis.zrangeBuffer(key, "0", "-1");
        texts.push(
          [key, ...parts.map((p) => (Buffer.isBuffer(p) ? p.toString("latin1") : String(p)))].join(
            "\n",
          ),
        );
      }
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return { label: "Redis keyspace", texts };
}

/**
 * Every row of every table of the database's `public` schema, as JSON (every column, text or
 * not), one source per table.
 *
 * @throws {Error} When PostgreSQL cannot be read.
 */
export async function postgresSources(databaseUrl: string): Promise<ScanSource[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const sources: ScanSource[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ j: string }>(
        `SELECT row_to_json(t)::text AS j FROM "${name}" t`,
      );
      sources.push({ label: `PostgreSQL ${name}`, texts: rows.map((r) => r.j) });
    }
    return sources;
  } finally {
    await client.end();
  }
}

/** The dev outbox's index entries (recipient, subject, kind, ids: not the message bodies). */
export async function outboxMetadataSource(dir: string): Promise<ScanSource> {
  const entries: OutboxEntry[] = await readOutbox(dir);
  return { label: `outbox metadata (${dir})`, texts: entries.map((e) => JSON.stringify(e)) };
}

/** A one-line summary per finding, for an assertion message. */
export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.what} in ${f.source} (#${f.index})`).join("\n");
}
