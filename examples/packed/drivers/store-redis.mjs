// The store-redis quick start against a redis-server of its own (its fixed subject and key prefix
// must not meet an earlier run), started by the installed @otpkit/otp-testing/redis-server.
import { startRedisServer } from "@otpkit/otp-testing/redis-server";
import { report, runQuickStart } from "./run.mjs";

const server = await startRedisServer();
try {
  report({ stdout: await runQuickStart("store-redis", { REDIS_URL: server.url }) });
} finally {
  await server.destroy();
}
