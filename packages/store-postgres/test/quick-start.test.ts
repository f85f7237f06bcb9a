import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { DATABASE_URL, useTestDatabase } from "./support.js";

// The README's quick start (examples/quick-start.ts, the same text) really runs, against the real
// PostgreSQL. Its default table "otp_store" lands in this file's schema (search_path), which is
// dropped afterwards: nothing stays behind in the database.
const run = promisify(execFile);
const EXAMPLE = fileURLToPath(new URL("../examples/quick-start.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const db = useTestDatabase("quickstart");

it("the quick start migrates, issues and verifies a code", async () => {
  const url = new URL(DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${db.schema}`);
  const { stdout } = await run(
    process.execPath,
    ["--conditions=@otpkit/source", "--import", TSX, EXAMPLE],
    {
      env: {
        ...process.env,
        DATABASE_URL: url.href,
        OTP_SECRET: "quick-start-secret-0123456789abcdef",
        OTP_NAMING_KEY: "quick-start-naming-key-0123456789abcdef",
      },
    },
  );
  expect(stdout).toContain("status: 'verified'");
  const { rows } = await db.pool.query("SELECT to_regclass($1) IS NOT NULL AS migrated", [
    `"${db.schema}".otp_store`,
  ]);
  expect(rows[0]?.migrated, "migrate() created otp_store in the schema").toBe(true);
});
