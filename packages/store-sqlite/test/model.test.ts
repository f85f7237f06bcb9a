import { describeOtpModel } from "@otpkit/otp-testing";
import { createSqliteStore } from "../src/index.js";
import { useTempDir } from "./support.js";

// Random command sequences (issue, verify right/wrong/malformed/stale, revoke, unlock, clock
// jumps) through the engine on a real SQLite file, checked step by step against the reference
// model of the rules. A fresh file per run; TTLs are real time, so jumps stay within them.
const dir = useTempDir("all");

describeOtpModel({
  name: "sqlite",
  createStore: () => createSqliteStore({ path: dir.freshDatabase("model") }),
  cleanup: (store) => store.close?.(),
  runs: 30,
});
