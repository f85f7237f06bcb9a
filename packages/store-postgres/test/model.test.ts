import { describeOtpModel } from "@otpkit/otp-testing";
import { useTestDatabase } from "./support.js";

// Random command sequences (issue, verify right/wrong/malformed/stale, revoke, unlock, clock
// jumps) through the engine on the real PostgreSQL, checked step by step against the reference
// model of the rules. A fresh table per run; TTLs are real time, so jumps stay within them.
const db = useTestDatabase("model");

describeOtpModel({ name: "postgres", createStore: () => db.freshStore(), runs: 30 });
