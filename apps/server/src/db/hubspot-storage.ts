import type { HubSpotAppStorage } from "@otpkit/hubspot-adapter";
import { OtpError } from "@otpkit/otp-core";
import type { AppDatabase } from "./database.js";
import type { Run } from "./hubspot-storage-checks.js";
import {
  checkLimit,
  checkPortal,
  checkText,
  checkTime,
  guard,
  SOURCE,
} from "./hubspot-storage-checks.js";
import { pendingMethods } from "./hubspot-storage-pending.js";

// Every method is ONE statement (uninstall: one transaction), so it is atomic on SQLite (one
// connection, statements serialised) and on PostgreSQL (READ COMMITTED: a racing UPDATE or DELETE
// waits for the row's first writer, then re-checks its WHERE on the committed row, so its
// condition is never judged on a stale read). RETURNING (SQLite >= 3.35, PostgreSQL) tells a
// caller whether its own statement changed the row, which no later read could. Times are the
// caller's: nothing here reads a clock.

/** Attempts of saveCallbackResult's insert-then-read before it reports contention. */
const SAVE_ATTEMPTS = 3;

/**
 * The {@link HubSpotAppStorage} of the server, over its app database (SQLite or PostgreSQL
 * through Kysely), in the `hubspot_*` tables of the migration `2026-12-01-002-hubspot`. Each
 * method does its contract's one atomic step in one SQL statement (uninstall: one transaction);
 * every read and delete goes through a key or an index, and every list is bounded.
 *
 * @param app The migrated app database (`openDatabase(...)` then `migrate()`); the storage
 *   borrows its Kysely handle and never closes it.
 * @returns A storage named after the dialect: `"sqlite"` or `"postgres"`.
 * @throws {OtpError} From its methods: `INVALID_ARGUMENT` naming the field when an argument is
 *   malformed (a portal id that is not a positive safe integer, an empty id or value, a time
 *   that is not epoch ms, a limit outside 1..1000); `STORE_UNAVAILABLE` (retryable, the driver's
 *   error as `cause`) when the database fails or cannot be reached; `STORE_CONTENTION`
 *   (retryable) when a saved callback result kept vanishing under housekeeping while read back.
 * @example
 * ```ts
 * const app = openDatabase({ url: config.DATABASE_URL, sqlitePath });
 * await app.migrate();
 * const storage = createKyselyHubSpotStorage(app);
 * await storage.putSettings(101, JSON.stringify({ codeLength: 6 }));
 * await storage.getSettings(101); // '{"codeLength":6}'
 * ```
 */
export function createKyselyHubSpotStorage(
  app: Pick<AppDatabase, "db" | "dialect">,
): HubSpotAppStorage {
  const { db } = app;
  const name = app.dialect;
  const run: Run = (method, step) => guard(name, method, step);

  return {
    name,

    getTokens: (portalId) =>
      run("getTokens", async () => {
        const row = await db
          .selectFrom("hubspot_tokens")
          .select("sealed")
          .where("portal_id", "=", checkPortal(portalId))
          .executeTakeFirst();
        return row?.sealed ?? null;
      }),
    putTokens: (portalId, sealed) =>
      run("putTokens", async () => {
        await db
          .insertInto("hubspot_tokens")
          .values({ portal_id: checkPortal(portalId), sealed: checkText("sealed", sealed) })
          .onConflict((oc) =>
            oc.column("portal_id").doUpdateSet((eb) => ({ sealed: eb.ref("excluded.sealed") })),
          )
          .execute();
      }),
    replaceTokens: (portalId, expected, next) =>
      run("replaceTokens", async () => {
        // Compare-and-set in the WHERE: a refresh never revives an uninstalled portal's tokens
        // (no row, no update) nor overwrites a newer refresh (the value differs).
        const row = await db
          .updateTable("hubspot_tokens")
          .set({ sealed: checkText("next", next) })
          .where("portal_id", "=", checkPortal(portalId))
          .where("sealed", "=", checkText("expected", expected))
          .returning("portal_id")
          .executeTakeFirst();
        return row !== undefined;
      }),
    deleteTokens: (portalId) =>
      run("deleteTokens", async () => {
        const row = await db
          .deleteFrom("hubspot_tokens")
          .where("portal_id", "=", checkPortal(portalId))
          .returning("portal_id")
          .executeTakeFirst();
        return row !== undefined;
      }),

    getSettings: (portalId) =>
      run("getSettings", async () => {
        const row = await db
          .selectFrom("hubspot_settings")
          .select("json")
          .where("portal_id", "=", checkPortal(portalId))
          .executeTakeFirst();
        return row?.json ?? null;
      }),
    putSettings: (portalId, json) =>
      run("putSettings", async () => {
        await db
          .insertInto("hubspot_settings")
          .values({ portal_id: checkPortal(portalId), json: checkText("json", json) })
          .onConflict((oc) =>
            oc.column("portal_id").doUpdateSet((eb) => ({ json: eb.ref("excluded.json") })),
          )
          .execute();
      }),

    createOAuthState: (state, expiresAt) =>
      run("createOAuthState", async () => {
        const row = await db
          .insertInto("hubspot_oauth_states")
          .values({
            state: checkText("state", state),
            expires_at: checkTime("expiresAt", expiresAt),
          })
          .onConflict((oc) => oc.column("state").doNothing())
          .returning("state")
          .executeTakeFirst();
        return row !== undefined;
      }),
    consumeOAuthState: (state, now) =>
      run("consumeOAuthState", async () => {
        // Single use: of racing callbacks with one state, only the DELETE that removed the row
        // gets it back, so one install completes (CSRF protection of the OAuth redirect).
        const row = await db
          .deleteFrom("hubspot_oauth_states")
          .where("state", "=", checkText("state", state))
          .where("expires_at", ">", checkTime("now", now))
          .returning("state")
          .executeTakeFirst();
        return row !== undefined;
      }),

    getCallbackResult: (portalId, callbackId) =>
      run("getCallbackResult", async () => {
        const row = await db
          .selectFrom("hubspot_callback_results")
          .select("result")
          .where("portal_id", "=", checkPortal(portalId))
          .where("callback_id", "=", checkText("callbackId", callbackId))
          .executeTakeFirst();
        return row?.result ?? null;
      }),
    saveCallbackResult: ({ portalId, callbackId, result, expiresAt }) =>
      run("saveCallbackResult", async () => {
        const key = {
          portal_id: checkPortal(portalId),
          callback_id: checkText("callbackId", callbackId),
        };
        const row = { ...key, result: checkText("result", result) };
        const expires = checkTime("expiresAt", expiresAt);
        for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
          // A losing INSERT returns once the winner committed (PostgreSQL waits on the key), so
          // the read that follows, a new statement, sees the winner's answer.
          const inserted = await db
            .insertInto("hubspot_callback_results")
            .values({ ...row, expires_at: expires })
            .onConflict((oc) => oc.columns(["portal_id", "callback_id"]).doNothing())
            .returning("result")
            .executeTakeFirst();
          if (inserted !== undefined) return { result: inserted.result, created: true };
          const stored = await db
            .selectFrom("hubspot_callback_results")
            .select("result")
            .where("portal_id", "=", key.portal_id)
            .where("callback_id", "=", key.callback_id)
            .executeTakeFirst();
          if (stored !== undefined) return { result: stored.result, created: false };
          // Expired and deleted between the two statements: save again.
        }
        throw new OtpError(
          "STORE_CONTENTION",
          `HubSpot storage "${name}": a callback result vanished ${SAVE_ATTEMPTS} times while read back`,
          { source: SOURCE },
        );
      }),

    ...pendingMethods(app, run),

    deleteExpired: (now, limit) =>
      run("deleteExpired", async () => {
        checkTime("now", now);
        checkLimit(limit);
        const states = await db
          .deleteFrom("hubspot_oauth_states")
          .where("state", "in", (eb) =>
            eb
              .selectFrom("hubspot_oauth_states")
              .select("state")
              .where("expires_at", "<=", now)
              .limit(limit),
          )
          .executeTakeFirst();
        const results = await db
          .deleteFrom("hubspot_callback_results")
          .where(({ eb, refTuple, selectFrom }) =>
            eb(
              refTuple("portal_id", "callback_id"),
              "in",
              selectFrom("hubspot_callback_results")
                .select(["portal_id", "callback_id"])
                .where("expires_at", "<=", now)
                .limit(limit)
                .$asTuple("portal_id", "callback_id"),
            ),
          )
          .executeTakeFirst();
        return Number(states.numDeletedRows) + Number(results.numDeletedRows);
      }),

    uninstall: (portalId) =>
      run("uninstall", async () => {
        const portal = checkPortal(portalId);
        // One transaction: no reader ever sees a half-removed portal (settings without tokens).
        await db.transaction().execute(async (tx) => {
          await tx.deleteFrom("hubspot_tokens").where("portal_id", "=", portal).execute();
          await tx.deleteFrom("hubspot_settings").where("portal_id", "=", portal).execute();
          await tx.deleteFrom("hubspot_callback_results").where("portal_id", "=", portal).execute();
          await tx
            .deleteFrom("hubspot_pending_callbacks")
            .where("portal_id", "=", portal)
            .execute();
        });
      }),
  };
}
