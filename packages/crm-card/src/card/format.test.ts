import { describe, expect, it } from "vitest";
import { formatDateTime, formatWait, plural, timeFormatOf } from "./format.js";

const AT = Date.UTC(2026, 11, 1, 14, 30);

describe("formatDateTime", () => {
  it("writes the moment in the portal's time zone", () => {
    const ny = formatDateTime(AT, { timeZone: "America/New_York", locale: "en-US" });
    const berlin = formatDateTime(AT, { timeZone: "Europe/Berlin", locale: "en-US" });
    expect(ny).toBe("Dec 1, 2026, 9:30 AM EST");
    expect(berlin).toBe("Dec 1, 2026, 3:30 PM GMT+1");
  });

  it("writes it in the user's locale", () => {
    expect(formatDateTime(AT, { timeZone: "Europe/Berlin", locale: "de-DE" })).toBe(
      "1. Dez. 2026, 15:30 MEZ",
    );
  });

  it("falls back to UTC and en-US for values Intl does not know", () => {
    expect(formatDateTime(AT, { timeZone: "Mars/Olympus", locale: "not a locale!" })).toBe(
      "Dec 1, 2026, 2:30 PM UTC",
    );
  });
});

describe("timeFormatOf", () => {
  it("reads the portal's zone and the user's locale", () => {
    expect(timeFormatOf({ portal: { timezone: "Asia/Tokyo" }, user: { locale: "ja-jp" } })).toEqual(
      { timeZone: "Asia/Tokyo", locale: "ja-jp" },
    );
  });

  it("uses the user's language when the locale is missing", () => {
    expect(timeFormatOf({ portal: { timezone: "UTC" }, user: { language: "fr" } }).locale).toBe(
      "fr",
    );
  });

  it("falls back for a missing or unknown zone and locale", () => {
    expect(timeFormatOf({})).toEqual({ timeZone: "UTC", locale: "en-US" });
    expect(timeFormatOf({ portal: { timezone: "" }, user: { locale: "" } })).toEqual({
      timeZone: "UTC",
      locale: "en-US",
    });
  });
});

describe("formatWait", () => {
  it("rounds up, so the agent never tries too early", () => {
    expect(formatWait(0)).toBe("less than a minute");
    expect(formatWait(59)).toBe("less than a minute");
    expect(formatWait(61)).toBe("about 2 minutes");
    expect(formatWait(200)).toBe("about 4 minutes");
    expect(formatWait(89 * 60)).toBe("about 89 minutes");
    expect(formatWait(90 * 60)).toBe("about 2 hours");
  });

  it("treats a wait that is not a number as none", () => {
    expect(formatWait(Number.NaN)).toBe("less than a minute");
  });
});

describe("plural", () => {
  it("adds an s except for one", () => {
    expect(plural(1, "minute")).toBe("1 minute");
    expect(plural(0, "minute")).toBe("0 minutes");
    expect(plural(10, "minute")).toBe("10 minutes");
  });
});
