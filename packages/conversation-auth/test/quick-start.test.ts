import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

// The README's quick start (examples/quick-start.ts, the same text) really runs.
const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL("../examples/quick-start.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

it("the quick start sends to ***78 and authenticates the conversation", async () => {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=@otpkit/source", "--import", TSX, EXAMPLE],
    {
      env: {
        ...process.env,
        OTP_SECRET: "quick-start-secret-0123456789abcdef",
        OTP_NAMING_KEY: "quick-start-naming-key-0123456789abcdef",
      },
    },
  );
  expect(stdout).toContain(
    "We sent a verification code to the number ***78 registered in your profile.",
  );
  expect(stdout).toContain("state: 'authenticated'");
});
