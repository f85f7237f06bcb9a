import { join } from "node:path";
import { describeOtpEngine } from "@otpkit/otp-testing";
import { afterAll, beforeAll } from "vitest";
import { createSqliteStore } from "../src/index.js";
import { tempDir } from "./support.js";

// otp-core's whole behaviour suite (expiry, budget, lockout, single use, idempotency, rotation)
// with a real SQLite file as its store, not only the memory store.
let dir: string;
let removeDir: () => Promise<void>;
let files = 0;

beforeAll(async () => {
  ({ dir, cleanup: removeDir } = await tempDir());
});
afterAll(async () => {
  await removeDir();
});

describeOtpEngine({
  name: "sqlite",
  createStore: () => createSqliteStore({ path: join(dir, `engine-${++files}.db`) }),
  cleanup: (store) => store.close?.(),
});
