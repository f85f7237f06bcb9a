import { describeOtpEngine, describeOtpQuotas } from "@otpkit/otp-testing";
import { createSqliteStore } from "../src/index.js";
import { useTempDir } from "./support.js";

// otp-core's whole behaviour suite (expiry, budget, lockout, single use, idempotency, rotation)
// with a real SQLite file as its store, not only the memory store.
const dir = useTempDir("all");

describeOtpEngine({
  name: "sqlite",
  createStore: () => createSqliteStore({ path: dir.freshDatabase("engine") }),
  cleanup: (store) => store.close?.(),
});

describeOtpQuotas({
  name: "sqlite",
  createStore: () => createSqliteStore({ path: dir.freshDatabase("quotas") }),
  cleanup: (store) => store.close?.(),
});
