import { describeOtpEngine, describeOtpQuotas } from "@otpkit/otp-testing";
import { useTestDatabase } from "./support.js";

// otp-core's whole behaviour suite with the real PostgreSQL as its store, a fresh table per test.
const db = useTestDatabase("engine");

describeOtpEngine({ name: "postgres", createStore: () => db.freshStore() });
describeOtpQuotas({ name: "postgres", createStore: () => db.freshStore() });
