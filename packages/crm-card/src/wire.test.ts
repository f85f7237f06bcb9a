import type * as adapter from "@otpkit/hubspot-adapter";
import { describe, expectTypeOf, it } from "vitest";
import type * as wire from "./wire.js";

// Checked by `tsc` (pnpm typecheck): the card's copies of the wire types are the adapter's.
describe("the card's wire types", () => {
  it("equal the adapter's card API types", () => {
    expectTypeOf<wire.CardStatus>().toEqualTypeOf<adapter.CardStatus>();
    expectTypeOf<wire.CardActiveCode>().toEqualTypeOf<adapter.CardActiveCode>();
    expectTypeOf<wire.CardGenerated>().toEqualTypeOf<adapter.CardGenerated>();
    expectTypeOf<wire.CardThrottled>().toEqualTypeOf<adapter.CardThrottled>();
    expectTypeOf<wire.CardLocked>().toEqualTypeOf<adapter.CardLocked>();
  });

  it("equal the adapter's settings API types", () => {
    expectTypeOf<wire.PropertyChoices>().toEqualTypeOf<adapter.PropertyChoices>();
    expectTypeOf<wire.CrmPropertyChoice>().toEqualTypeOf<adapter.CrmPropertyChoice>();
    // zod's output and an intersection: the same values both ways rather than the same spelling.
    type Preview = Extract<adapter.RenderPortalEmailResult, { ok: true }>["email"];
    expectTypeOf<wire.EmailPreview>().toExtend<Preview>();
    expectTypeOf<Preview>().toExtend<wire.EmailPreview>();
    expectTypeOf<wire.PortalSettings>().toExtend<adapter.PortalSettingsInput>();
    expectTypeOf<adapter.PortalSettings>().toExtend<wire.PortalSettings>();
  });
});
