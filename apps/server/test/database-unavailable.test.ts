import { afterEach, describe, expect, it } from "vitest";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// When the app database itself fails (gone, busy, full), a request that needs it answers 503
// DATABASE_UNAVAILABLE with Retry-After: nothing was decided, the client may retry. Not a 500:
// that says "our bug", and tells a client nothing about retrying.

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("a failed app database", () => {
  it("answers 503 DATABASE_UNAVAILABLE with Retry-After, and the server logs it", async () => {
    const s = await createTestServer({ API_KEY_CACHE_TTL_MS: "0" }, { captureLogs: true });
    servers.push(s);
    const native = s.rt.database.native;
    if (native.dialect !== "sqlite") throw new Error("expected the zero-config SQLite database");
    // The database goes away under the server (as a file on a failed disk would).
    native.file.close();
    const res = await s.api("/api/v1/verifications", {
      method: "POST",
      body: { subject: "u1", recipient: { email: "u1@example.com" } },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await res.json()).toEqual({
      error: {
        code: "DATABASE_UNAVAILABLE",
        message: "The database is unavailable; nothing was decided, retry shortly",
      },
    });
    expect(s.logs!.entries().some((e) => e["msg"] === "database unavailable")).toBe(true);
  });

  it("keeps 500 INTERNAL, without details, for what is not the database: our own bug", async () => {
    const s = await createTestServer({}, { captureLogs: true });
    servers.push(s);
    s.rt.audit.list = async () => {
      throw new TypeError("cannot read properties of undefined (reading 'secret-ish detail')");
    };
    const res = await s.api("/api/v1/audit?subject=u1");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "Internal error" } });
    expect(s.logs!.entries().some((e) => e["msg"] === "unhandled error")).toBe(true);
  });
});
