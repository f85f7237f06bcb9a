import { createMemoryStore } from "@otpkit/otp-core";
import { describeOtpStore } from "../src/index.js";

describeOtpStore({ name: "memory", create: () => createMemoryStore() });
