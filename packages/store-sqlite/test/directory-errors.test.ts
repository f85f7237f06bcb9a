import { chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { isOtpError } from "@otpkit/otp-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteStore } from "../src/index.js";
import { startWorker, tempDir } from "./support.js";

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await cleanup();
});

describe("unusable paths give CONFIG_INVALID naming the path and the fix", () => {
  it("a missing directory", () => {
    const path = join(dir, "no", "such", "dir", "otp.db");
    let error: unknown;
    try {
      createSqliteStore({ path });
    } catch (e) {
      error = e;
    }
    expect(isOtpError(error)).toBe(true);
    if (!isOtpError(error)) return;
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("path");
    expect(error.message).toContain(join(dir, "no", "such", "dir"));
    expect(error.message).toContain("does not exist");
    expect(error.message).toContain("mkdir -p");
  });

  it("a read-only directory (checked in a process of an unprivileged user: root ignores modes)", async () => {
    const readOnly = join(dir, "read-only");
    await mkdir(readOnly);
    await chmod(readOnly, 0o555);
    await chmod(dir, 0o755);
    const path = join(readOnly, "otp.db");
    const asUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    const worker = startWorker(["open", path], asUser);
    const result = await worker.next<{ code?: string; field?: string; message?: string }>();
    expect(result.code).toBe("CONFIG_INVALID");
    expect(result.field).toBe("path");
    expect(result.message).toContain(path);
    expect(result.message).toContain("not writable");
    expect(result.message).toContain("make the directory and the file writable");
  });

  it("the same path opens fine once the directory is writable (the check is not a false alarm)", async () => {
    const writable = join(dir, "writable");
    await mkdir(writable);
    await chmod(dir, 0o755);
    await chmod(writable, 0o777);
    const asUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    const worker = startWorker(["open", join(writable, "otp.db")], asUser);
    expect(await worker.next()).toEqual({ opened: true });
  });
});
