import { describe, expect, it } from "vitest";
import { isAllowedReturnUrl } from "./return-url.js";

describe("isAllowedReturnUrl", () => {
  const allow = ["https://app.example.com", "http://localhost:3000"];

  it("allows an http(s) URL whose origin is listed, whatever its path and query", () => {
    expect(isAllowedReturnUrl("https://app.example.com/done?x=1#y", allow)).toBe(true);
    expect(isAllowedReturnUrl("https://app.example.com", allow)).toBe(true);
    expect(isAllowedReturnUrl("https://APP.example.com/", allow)).toBe(true);
    expect(isAllowedReturnUrl("http://localhost:3000/back", allow)).toBe(true);
  });

  it("refuses look-alikes, other ports and schemes, credentials tricks and garbage", () => {
    for (const url of [
      "https://app.example.com.evil.test/",
      "https://evil.test/https://app.example.com",
      "https://app.example.com@evil.test/",
      "http://app.example.com/",
      "https://app.example.com:8443/",
      "http://localhost:3001/",
      "javascript:alert(1)//https://app.example.com",
      "//app.example.com/x",
      "/relative",
      "",
      "not a url",
    ]) {
      expect(isAllowedReturnUrl(url, allow), url).toBe(false);
    }
  });

  it("refuses everything with an empty list", () => {
    expect(isAllowedReturnUrl("https://app.example.com/", [])).toBe(false);
  });
});
