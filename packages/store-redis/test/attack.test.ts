import { describeOtpAttack } from "@otpkit/otp-testing";
import { createRedisStore } from "../src/index.js";
import { connectRealRedis, deletePrefix, uniquePrefix } from "./support/real-redis.js";

// Two app servers sharing one Redis: two connections, one key prefix, the real engine on each.
describeOtpAttack({
  name: "redis (two connections)",
  createStores: async () => {
    const keyPrefix = uniquePrefix("attack");
    const clients = [await connectRealRedis(), await connectRealRedis()] as const;
    return {
      stores: [
        createRedisStore({ client: clients[0], keyPrefix }),
        createRedisStore({ client: clients[1], keyPrefix }),
      ],
      cleanup: async () => {
        await deletePrefix(clients[0], keyPrefix);
        for (const client of clients) client.disconnect();
      },
    };
  },
});
