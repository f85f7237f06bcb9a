import { createMemoryStore } from "@otpkit/otp-core";
import { describeOtpAttack } from "../src/index.js";

// The control for the broken stores of broken-adapters.test.ts: one in-process store (atomic by
// construction) shared by both engines passes every case.
describeOtpAttack({
  name: "memory",
  createStores: async () => {
    const store = createMemoryStore();
    return { stores: [store, store], cleanup: async () => store.close?.() };
  },
});
