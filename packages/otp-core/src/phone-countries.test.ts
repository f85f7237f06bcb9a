import { describe, expect, it } from "vitest";
import { isOtpError } from "./errors.js";
import { createPhoneCountries, notAllowedError } from "./phone-countries.js";
import { callingCodeOf, OTP_PHONE_REGIONS, REGIONS_BY_CALLING_CODE } from "./phone-regions.js";

function configFieldOf(list: unknown, countryOf?: unknown): string | undefined {
  try {
    createPhoneCountries(list, countryOf);
  } catch (error) {
    if (isOtpError(error) && error.code === "CONFIG_INVALID") return error.field;
    throw error;
  }
  return undefined;
}

describe("the calling-code table", () => {
  it("holds every region once, as ISO 3166-1 alpha-2 codes, with prefix-free calling codes", () => {
    const regions = [...REGIONS_BY_CALLING_CODE.values()].flat();
    expect(regions.length).toBeGreaterThan(240);
    expect(new Set(regions).size).toBe(regions.length);
    for (const r of regions) expect(r).toMatch(/^[A-Z]{2}$/);
    const codes = [...REGIONS_BY_CALLING_CODE.keys()];
    for (const code of codes) expect(code).toMatch(/^[1-9]\d{0,2}$/);
    const prefixes = codes.filter((a) => codes.some((b) => a !== b && b.startsWith(a)));
    expect(prefixes).toEqual([]);
    expect(OTP_PHONE_REGIONS).toMatchObject({ US: "1", CA: "1", JM: "1", MX: "52", ES: "34" });
    expect(OTP_PHONE_REGIONS).toMatchObject({ KZ: "7", GG: "44", AX: "358", VA: "39" });
  });

  it("finds the calling code of an E.164 number, formatted or not", () => {
    expect(callingCodeOf("+52 55 1234 5678")).toEqual({ code: "52", regions: ["MX"] });
    expect(callingCodeOf("+1 (876) 555-0100")?.code).toBe("1");
    expect(callingCodeOf("+351912345678")?.regions).toEqual(["PT"]);
    expect(callingCodeOf("+8613800138000")?.regions).toEqual(["CN"]);
    // Non-geographic codes, national numbers and junk belong to no region.
    for (const n of [
      "+88160000000",
      "+80012345678",
      "+97912345678",
      "5512345678",
      "+0123456",
      "",
    ]) {
      expect(callingCodeOf(n), n).toBeUndefined();
    }
  });
});

describe("phoneCountries", () => {
  it("admits numbers of listed countries only, by calling code", () => {
    const c = createPhoneCountries(["MX", "es"], undefined)!;
    expect(c.check("+525512345678")).toEqual({ allowed: true, country: "MX", callingCode: "52" });
    expect(c.check("+34600123478")).toMatchObject({ allowed: true, country: "ES" });
    expect(c.check("+4915123456789")).toEqual({
      allowed: false,
      country: "DE",
      callingCode: "49",
    });
    expect(c.check("+88160000000")).toEqual({
      allowed: false,
      country: undefined,
      callingCode: undefined,
    });
  });

  it("admits a whole shared calling code once one of its countries is listed (documented)", () => {
    const c = createPhoneCountries(["US"], undefined)!;
    // +1 876 is Jamaica: the code alone cannot tell it from the US.
    expect(c.check("+18765550100")).toEqual({
      allowed: true,
      country: undefined,
      callingCode: "1",
    });
    expect(createPhoneCountries(["GG"], undefined)!.check("+447700900123").allowed).toBe(true);
  });

  it("with phoneCountryOf, tells countries of a shared code apart; unsure, the code decides", () => {
    const places: Record<string, string> = { "+18765550100": "JM", "+12015550123": "us" };
    const c = createPhoneCountries(["US"], (phone: string) => places[phone])!;
    expect(c.check("+1 876 555 0100")).toEqual({ allowed: false, country: "JM", callingCode: "1" });
    expect(c.check("+12015550123")).toEqual({ allowed: true, country: "US", callingCode: "1" });
    expect(c.check("+18005550199")).toMatchObject({ allowed: true, country: undefined });
    // A resolver that throws or answers nonsense is ignored, never looser than the code.
    const broken = createPhoneCountries(["MX"], () => {
      throw new Error("boom");
    })!;
    expect(broken.check("+12015550123").allowed).toBe(false);
    const nonsense = createPhoneCountries(["MX"], () => "ZZ")!;
    expect(nonsense.check("+12015550123").allowed).toBe(false);
  });

  it("an empty list admits no phone number; no list admits every one", () => {
    expect(createPhoneCountries([], undefined)!.check("+525512345678").allowed).toBe(false);
    expect(createPhoneCountries(undefined, undefined)).toBeUndefined();
  });

  it("names the entry at fault in a bad configuration", () => {
    expect(configFieldOf("US")).toBe("phoneCountries");
    expect(configFieldOf(["US", "XX"])).toBe("phoneCountries[1]");
    expect(configFieldOf(["US", 1])).toBe("phoneCountries[1]");
    expect(configFieldOf(["USA"])).toBe("phoneCountries[0]");
    expect(configFieldOf(["US"], "libphonenumber")).toBe("phoneCountryOf");
    // A resolver without a list to use it for is a mistake.
    expect(configFieldOf(undefined, () => "US")).toBe("phoneCountries");
    expect(configFieldOf(["US", " mx "])).toBeUndefined();
  });

  it("refuses with DESTINATION_NOT_ALLOWED naming the country, never the number", () => {
    const error = notAllowedError({ allowed: false, country: "JM", callingCode: "1" });
    expect(error).toMatchObject({
      code: "DESTINATION_NOT_ALLOWED",
      retryable: false,
      field: "recipient.phone",
      details: { country: "JM", callingCode: "1" },
    });
    expect(error.message).toMatch(/JM \(\+1\)/);
    const unknown = notAllowedError({ allowed: false, country: undefined, callingCode: undefined });
    expect(unknown.message).toMatch(/no country calling code of an allowed country/);
  });
});
