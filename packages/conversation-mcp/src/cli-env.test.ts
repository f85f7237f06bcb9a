import { describe, expect, it } from "vitest";
import { CliEnvError, readCliEnv } from "./cli-env.js";

function refusal(env: Record<string, string | undefined>): CliEnvError {
  try {
    readCliEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(CliEnvError);
    return error as CliEnvError;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe("readCliEnv", () => {
  it("reads the URL (without a trailing slash) and the key", () => {
    expect(
      readCliEnv({ OTPKIT_URL: "https://otp.example.com/otp/", OTPKIT_API_KEY: " otpk_a_b " }),
    ).toEqual({ url: "https://otp.example.com/otp", apiKey: "otpk_a_b", warning: null });
    expect(readCliEnv({ OTPKIT_URL: "http://127.0.0.1:3000", OTPKIT_API_KEY: "k" }).warning).toBe(
      null,
    );
  });

  it("names the variable that is missing or malformed", () => {
    expect(refusal({ OTPKIT_API_KEY: "k" })).toMatchObject({ variable: "OTPKIT_URL" });
    expect(refusal({ OTPKIT_URL: "otp.example.com", OTPKIT_API_KEY: "k" }).message).toMatch(
      /^Invalid OTPKIT_URL: /,
    );
    expect(refusal({ OTPKIT_URL: "ftp://otp.example.com", OTPKIT_API_KEY: "k" }).variable).toBe(
      "OTPKIT_URL",
    );
    expect(refusal({ OTPKIT_URL: "https://otp.example.com" }).message).toMatch(
      /^OTPKIT_API_KEY is not set/,
    );
    expect(
      refusal({ OTPKIT_URL: "https://otp.example.com", OTPKIT_API_KEY: "Bearer otpk_a" }).message,
    ).toMatch(/^Invalid OTPKIT_API_KEY: .*without "Bearer"/);
  });

  it("warns when the key would cross the network over plain http", () => {
    const env = readCliEnv({ OTPKIT_URL: "http://otp.example.com", OTPKIT_API_KEY: "k" });
    expect(env.warning).toContain("unencrypted");
  });
});
