import { describe, expect, it } from "vitest";
import type { PropertyChoices } from "../wire.js";
import { propertyOptions, readAtText } from "./property-options.js";

const choices = (exists: boolean): PropertyChoices => ({
  properties: [
    { name: "otp_code", label: "OTP code", type: "string", fieldType: "text", groupName: "x" },
    {
      name: "phone",
      label: "Phone Number",
      type: "string",
      fieldType: "phonenumber",
      groupName: "contactinformation",
    },
    ...(exists
      ? [
          {
            name: "otpkit_code",
            label: "OTP code (temporary copy)",
            type: "string",
            fieldType: "text",
            groupName: "otpkit",
          },
        ]
      : []),
  ],
  appProperty: { name: "otpkit_code", label: "OTP code (temporary copy)", exists },
  fetchedAt: 0,
});

describe("the property picker's options", () => {
  it("offer the app's own property first, before it exists, then the portal's", () => {
    expect(propertyOptions(choices(false), "otpkit_code")).toEqual([
      {
        value: "otpkit_code",
        label: "OTP code (temporary copy) (otpkit_code), created when you save",
      },
      { value: "otp_code", label: "OTP code (otp_code)" },
      { value: "phone", label: "Phone Number (phone)" },
    ]);
  });

  it("list the app's property once when it exists", () => {
    const options = propertyOptions(choices(true), "otp_code");
    expect(options.filter((o) => o.value === "otpkit_code")).toEqual([
      { value: "otpkit_code", label: "OTP code (temporary copy) (otpkit_code), the app's own" },
    ]);
  });

  it("keep a saved choice HubSpot no longer lists, marked", () => {
    const options = propertyOptions(choices(false), "deleted_prop");
    expect(options.at(-1)).toEqual({
      value: "deleted_prop",
      label: "deleted_prop (not in HubSpot's list: sync, or choose another)",
    });
    expect(propertyOptions(null, "otp_code")).toEqual([{ value: "otp_code", label: "otp_code" }]);
    expect(propertyOptions(null, undefined)).toEqual([]);
  });

  it("say when the list was read, in the portal's time zone", () => {
    const at = Date.UTC(2026, 0, 5, 14, 30);
    // \s: newer ICU puts a narrow no-break space before AM/PM.
    expect(readAtText(at, "UTC", "en-US")).toMatch(/^Jan 5, 2026, 2:30\sPM$/);
    expect(readAtText(at, "America/New_York", "en-US")).toMatch(/^Jan 5, 2026, 9:30\sAM$/);
    expect(readAtText(at, "Not/AZone", "en-US")).toMatch(/^Jan 5, 2026, 2:30\sPM$/);
  });
});
