import { join } from "node:path";
import { describeOtpAttack } from "@otpkit/otp-testing";
import { createSqliteStore } from "../src/index.js";
import { tempDir } from "./support.js";

// Two workers sharing one SQLite file: two connections to it, the real engine on each.
describeOtpAttack({
  name: "sqlite (two connections to one file)",
  createStores: async () => {
    const { dir, cleanup } = await tempDir();
    const path = join(dir, "attack.db");
    const [a, b] = [createSqliteStore({ path }), createSqliteStore({ path })];
    return {
      stores: [a, b],
      cleanup: async () => {
        await a.close();
        await b.close();
        await cleanup();
      },
    };
  },
});
