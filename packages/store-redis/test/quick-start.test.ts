import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { RedisServerProcess } from "@otpkit/otp-testing/redis-server";
import { startRedisServer } from "@otpkit/otp-testing/redis-server";
import { afterAll, beforeAll, expect, it } from "vitest";

// The README's quick start (examples/quick-start.ts, the same text) really runs, against a fresh
// redis-server of its own (the example's fixed subject and prefix must not meet earlier runs).
const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL("../examples/quick-start.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

let server: RedisServerProcess;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.destroy();
});

it("the quick start issues and verifies a code through Redis", async () => {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=@otpkit/source", "--import", TSX, EXAMPLE],
    {
      env: {
        ...process.env,
        REDIS_URL: server.url,
        OTP_SECRET: "quick-start-secret-0123456789abcdef",
        OTP_NAMING_KEY: "quick-start-naming-key-0123456789abcdef",
      },
    },
  );
  expect(stdout).toContain("status: 'verified'");
});
