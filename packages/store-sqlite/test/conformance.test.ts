import { join } from "node:path";
import { describeOtpStore } from "@otpkit/otp-testing";
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { createSqliteStore } from "../src/index.js";
import { tempDir } from "./support.js";

// The shared contract against real SQLite files in a temp dir, no skips: once with a file the
// store opens itself (the default setup), once with a connection the caller owns.
let dir: string;
let removeDir: () => Promise<void>;
let files = 0;

beforeAll(async () => {
  ({ dir, cleanup: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
});

describeOtpStore({
  name: "sqlite (path)",
  create: () => createSqliteStore({ path: join(dir, `store-${++files}.db`) }),
});

const owned = new Map<object, Database.Database>();
describeOtpStore({
  name: "sqlite (caller-owned database)",
  create: () => {
    const database = new Database(join(dir, `owned-${++files}.db`));
    database.pragma("journal_mode = WAL");
    const store = createSqliteStore({ database, tableName: "otp_entries" });
    owned.set(store, database);
    return store;
  },
  cleanup: async (store) => {
    await store.close?.();
    owned.get(store)?.close();
  },
});
