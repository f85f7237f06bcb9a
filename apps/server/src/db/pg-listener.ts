import pg from "pg";

/** Options of {@link listenPostgres}. */
export interface PgListenerOptions {
  url: string;
  /** A fixed identifier (letters, digits, `_`): LISTEN takes no parameter. */
  channel: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  onNotify(payload: string): void;
  /** The LISTEN came up (true) or was lost (false): what was sent meanwhile was missed. */
  onState(listening: boolean): void;
  onError?(error: Error): void;
}

/** A LISTEN on its own connection, kept up (see {@link listenPostgres}). */
export interface PgListener {
  /** Whether notifications arrive now. */
  listening(): boolean;
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 30_000;

/**
 * LISTENs on `channel` over a dedicated connection (a pooled one would drop it) and reconnects
 * after any loss, from 250 ms doubling to 30 s apart; TCP keep-alive finds a silently dropped
 * connection. Its timers never keep the process alive.
 *
 * @throws {Error} When `channel` is not a plain identifier.
 * @example
 * const l = listenPostgres({ url, channel: "jobs", applicationName: "app", onNotify, onState });
 */
export function listenPostgres(options: PgListenerOptions): PgListener {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.channel)) {
    throw new Error(`channel: use a lower-case identifier, got "${options.channel}"`);
  }
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let delay = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;

  function retry(): void {
    if (closed || timer !== null) return;
    timer = setTimeout(connect, delay);
    timer.unref();
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  }

  async function connect(): Promise<void> {
    timer = null;
    const c = new pg.Client({
      connectionString: options.url,
      application_name: options.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    client = c;
    let lost = false;
    const lose = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (up) {
        up = false;
        options.onState(false);
      }
      if (error && !closed) options.onError?.(error);
      retry();
    };
    c.on("error", lose);
    c.on("end", () => lose());
    c.on("notification", (n) => {
      if (n.channel === options.channel) options.onNotify(n.payload ?? "");
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${options.channel}`);
    } catch (error) {
      lose(error as Error);
      return;
    }
    if (lost || closed) return;
    up = true;
    delay = FIRST_RETRY_MS;
    options.onState(true);
  }

  void connect();
  return {
    listening: () => up,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      up = false;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
