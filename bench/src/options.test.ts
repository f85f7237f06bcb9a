import { describe, expect, it } from "vitest";
import { CONFIGURATION_IDS } from "./configuration-ids.js";
import { parseBenchArgs, UsageError } from "./options.js";

describe("parseBenchArgs", () => {
  it("has the documented defaults", () => {
    const options = parseBenchArgs([], {})!;
    expect(options).toMatchObject({
      durationS: 10,
      connections: 50,
      rounds: 3,
      warmupS: 3,
      rssS: 60,
      rssWarmupS: 10,
      memoryCodes: 10_000,
      only: CONFIGURATION_IDS,
      redisUrl: "redis://127.0.0.1:6379",
      redisDb: 14,
      pgAdminUrl: "postgres://postgres@127.0.0.1:5432/postgres",
      pgDatabase: "otpkit_bench",
      logLevel: "info",
    });
    expect(options.outDir).toMatch(/bench[/\\]results$/);
  });

  it("takes flags, and the services from REDIS_URL (without its database) and DATABASE_URL", () => {
    const options = parseBenchArgs(
      ["--duration", "3", "--connections", "8", "--rss", "0", "--only", "better-auth,bare-hono"],
      { REDIS_URL: "redis://10.0.0.2:6380/3", DATABASE_URL: "postgres://u@db:5432/test" },
    )!;
    expect(options.durationS).toBe(3);
    expect(options.connections).toBe(8);
    expect(options.rssS).toBe(0);
    // Table order, whatever the order given.
    expect(options.only).toEqual(["bare-hono", "better-auth"]);
    expect(options.redisUrl).toBe("redis://10.0.0.2:6380");
    expect(options.pgAdminUrl).toBe("postgres://u@db:5432/test");
  });

  it("answers null for --help", () => {
    expect(parseBenchArgs(["--help"], {})).toBeNull();
  });

  it.each([
    [["--duration", "0"], /--duration takes a whole number ≥ 1, not "0"/],
    [["--connections", "many"], /--connections takes a whole number/],
    [["--only", "otpkit,bare-hono"], /--only: unknown configuration "otpkit"/],
    [["--pg-database", "Bench; DROP"], /--pg-database takes lower-case letters/],
    [["--speed", "11"], /--speed/],
  ])("refuses %j, naming the flag", (argv, message) => {
    expect(() => parseBenchArgs(argv, {})).toThrow(UsageError);
    expect(() => parseBenchArgs(argv, {})).toThrow(message);
  });
});
