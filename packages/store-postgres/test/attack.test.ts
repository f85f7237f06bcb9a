import { describeOtpAttack } from "@otpkit/otp-testing";
import { createPostgresStore } from "../src/index.js";
import { useTestDatabase } from "./support.js";

// Two app servers sharing one table: two pools (two sets of connections), the real engine on each.
const db = useTestDatabase("attack");

describeOtpAttack({
  name: "postgres (two pools, one table)",
  createStores: async () => {
    const tableName = await db.freshTable();
    const [a, b] = [
      createPostgresStore({ pool: db.pool, tableName }),
      createPostgresStore({ pool: db.secondPool, tableName }),
    ];
    return {
      stores: [a, b],
      cleanup: async () => {
        await a.close();
        await b.close();
      },
    };
  },
});
