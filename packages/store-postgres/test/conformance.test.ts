import { describeOtpStore } from "@otpkit/otp-testing";
import { createPostgresStore } from "../src/index.js";
import { alternating, useTestDatabase } from "./support.js";

// The shared contract against the real PostgreSQL (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test), no skips. Every create() gets a fresh migrated table
// in this file's schema, which is dropped afterwards.
const db = useTestDatabase("conformance");

describeOtpStore({ name: "postgres", create: () => db.freshStore() });

// The same cases with every call alternating between two pools on one table: the races (50
// callers on one key, 20 get + compareAndSet workers) then run across two pools, as on two app
// servers, and still have exactly one winner and no lost update.
describeOtpStore({
  name: "postgres (two pools, one table)",
  create: async () => {
    const tableName = await db.freshTable();
    return alternating(
      createPostgresStore({ pool: db.pool, tableName }),
      createPostgresStore({ pool: db.secondPool, tableName }),
    );
  },
});
