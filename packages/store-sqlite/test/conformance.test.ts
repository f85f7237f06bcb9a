import { describeOtpStore } from "@otpkit/otp-testing";
import Database from "better-sqlite3";
import { createSqliteStore } from "../src/index.js";
import { useTempDir } from "./support.js";

// The shared contract against real SQLite files in a temp dir, no skips: once with a file the
// store opens itself (the default setup), once with a connection the caller owns.
const dir = useTempDir("all");

describeOtpStore({
  name: "sqlite (path)",
  create: () => createSqliteStore({ path: dir.freshDatabase("store") }),
});

const owned = new Map<object, Database.Database>();
describeOtpStore({
  name: "sqlite (caller-owned database)",
  create: () => {
    const database = new Database(dir.freshDatabase("owned"));
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
