import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-ip.js";

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("198.51.100.1", "203.0.113.9", 0)).toBe("198.51.100.1");
  });

  it("takes the entry the trusted proxy appended, not what the client sent before it", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "6.6.6.6,203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("counts hops from the right with several proxies", () => {
    expect(clientAddress("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", "2001:db8::1, 10.0.0.2", 2)).toBe("2001:db8::1");
  });

  it("falls back to the socket's address for an empty or invalid header", () => {
    expect(clientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "1.2.3.4, not-an-ip", 1)).toBe("10.0.0.2");
  });
});
