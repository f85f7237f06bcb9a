import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit } from "./http-body-limit.js";

// Over a real socket (@hono/node-server), as in production: a declared length, a chunked body,
// and a GET, each under and over the limit.

let url = "";
let close: () => void = () => {};
beforeAll(async () => {
  const app = new Hono();
  app.use(bodyLimit({ maxSize: 16, onError: (c) => c.text("too large", 413) }));
  app.post("/", async (c) => c.text(`got ${(await c.req.text()).length}`));
  app.get("/", (c) => c.text("hello"));
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
    close = () => server.close();
    server.once("listening", () => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
  });
});
afterAll(() => close());

/** A POST whose body goes out in `chunks` (chunked when more than one, else with its length). */
function post(chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> =
      chunks.length === 1 ? { "content-length": String(Buffer.byteLength(chunks[0]!)) } : {};
    const req = request(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("bodyLimit over @hono/node-server", () => {
  it("judges a declared Content-Length from the header", async () => {
    expect(await post(["x".repeat(16)])).toEqual({ status: 200, body: "got 16" });
    expect((await post(["x".repeat(17)])).status).toBe(413);
  });

  it("counts a chunked body as it arrives", async () => {
    expect(await post(["x".repeat(8), "y".repeat(8)])).toEqual({ status: 200, body: "got 16" });
    expect((await post(["x".repeat(10), "y".repeat(10)])).status).toBe(413);
  });

  it("lets a GET through", async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hello");
  });
});
