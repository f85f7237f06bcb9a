import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { useTempDir } from "./support.js";

// The README's quick start (examples/quick-start.ts, the same text) really runs.
const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL("../examples/quick-start.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const dir = useTempDir();

it("the quick start issues and verifies a code in a new SQLite file", async () => {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=@otpkit/source", "--import", TSX, EXAMPLE],
    {
      cwd: dir.path,
      env: {
        ...process.env,
        OTP_SECRET: "quick-start-secret-0123456789abcdef",
        OTP_NAMING_KEY: "quick-start-naming-key-0123456789abcdef",
      },
    },
  );
  expect(stdout).toContain("status: 'verified'");
  expect(existsSync(join(dir.path, "data", "otp.db"))).toBe(true);
});
