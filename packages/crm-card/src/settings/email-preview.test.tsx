// The live e-mail preview: rendered by the real settings API from the draft, after the admin
// pauses, with the renderer's and the schema's objections shown in place of the mail.
import { Alert, Flex, Input, LoadingSpinner, Text, Tile } from "@hubspot/ui-extensions";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import { DEFAULT_PORTAL_SETTINGS } from "@otpkit/hubspot-adapter";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SettingsDraft } from "./draft.js";
import { draftOf, withValue } from "./draft.js";
import { EmailPreviewPanel } from "./email-preview.js";
import type { SettingsWorld } from "./settings-fixtures.js";
import { startSettingsWorld } from "./settings-fixtures.js";
import type { SettingsRenderer } from "./settings-harness.js";
import { change, openSettingsPage, textOf, type, WAIT } from "./settings-harness.js";

let world: SettingsWorld;
beforeEach(async () => {
  world = await startSettingsWorld();
});
afterEach(async () => {
  vi.useRealTimers();
  await world.close();
});

const previews = () => world.calls.filter((c) => c.path === "/hubspot/settings/preview");
const subject = (page: Pick<SettingsRenderer, "maybeFindByTestId">) =>
  textOf(page.maybeFindByTestId(Text, "preview-subject"));
const mail = (page: Pick<SettingsRenderer, "maybeFindByTestId">) =>
  textOf(page.maybeFindByTestId(Flex, "preview-text"));

describe("the e-mail preview on the page", () => {
  it("shows the subject and the text part with a sample code", async () => {
    const page = await openSettingsPage(world);
    await page.waitFor(() => expect(subject(page)).toBe("Subject: Your Verification Code"), WAIT);
    const text = mail(page);
    expect(text).toContain("Hello,");
    expect(text).toContain("Your one-time verification code is:");
    expect(text).toMatch(/\d{6}/);
    expect(text).toContain("This code will expire in 10 minutes.");
    // E-mail is off in the defaults: the preview says what it shows.
    expect(textOf(page.findByTestId(Tile, "email-preview"))).toContain("E-mail delivery is off");
  });

  it("follows the admin's typing, the expiry and the code's shape", async () => {
    const page = await openSettingsPage(world);
    await page.waitFor(() => expect(subject(page)).toContain("Your Verification Code"), WAIT);
    type(page, "email.template.subject", "Your Acme code, valid {expiry_minutes} minutes");
    change(page, "expiryMinutes", 5);
    change(page, "code.type", "alpha");
    change(page, "code.length", 8);
    await page.waitFor(
      () => expect(subject(page)).toBe("Subject: Your Acme code, valid 5 minutes"),
      WAIT,
    );
    await page.waitFor(
      () => expect(mail(page)).toMatch(/^Hello,.*[A-Z]{8}This code will expire in 5 minutes\./),
      WAIT,
    );
    // The preview is asked with the draft, not the saved settings.
    expect(previews().at(-1)?.body).toMatchObject({
      code: { type: "alpha", length: 8 },
      expiryMinutes: 5,
      email: { template: { subject: "Your Acme code, valid {expiry_minutes} minutes" } },
    });
  });

  it("shows what stops the preview, by field, and comes back when it is fixed", async () => {
    const page = await openSettingsPage(world);
    await page.waitFor(() => expect(subject(page)).toContain("Your Verification Code"), WAIT);
    type(page, "email.template.body", "Hi {first_name}, your code:");
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Alert, "preview-error")).not.toBeNull(),
      WAIT,
    );
    const error = textOf(page.findByTestId(Alert, "preview-error"));
    expect(error).toContain("E-mail: Text above the code:");
    expect(error).toContain("remove or fix {first_name}");
    expect(page.maybeFindByTestId(Text, "preview-subject")).toBeNull();

    type(page, "email.template.body", "Hi, your code:");
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Alert, "preview-error")).toBeNull(),
      WAIT,
    );
    await page.waitFor(() => expect(mail(page)).toMatch(/Hi, your code:\d{6}This code/), WAIT);

    // Too weak without the opt-in: the settings' own rules stop the preview as well.
    change(page, "code.length", 4);
    await page.waitFor(
      () =>
        expect(textOf(page.maybeFindByTestId(Alert, "preview-error"))).toContain(
          "Code: Code length: A 4-character numeric code is too easy to guess",
        ),
      WAIT,
    );
    change(page, "code.allowWeak", true);
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Alert, "preview-error")).toBeNull(),
      WAIT,
    );
    expect(mail(page)).toMatch(/Hi, your code:\d{4}This code/);
  });

  it("shows why when the server cannot be reached", async () => {
    const page = await openSettingsPage(world);
    await page.waitFor(() => expect(subject(page)).toContain("Your Verification Code"), WAIT);
    world.unreachable.add("/hubspot/settings/preview");
    type(page, "email.template.greeting", "Hi,");
    await page.waitFor(
      () => expect(page.maybeFindByTestId(Alert, "preview-error")).not.toBeNull(),
      WAIT,
    );
    expect(textOf(page.findByTestId(Alert, "preview-error"))).toMatch(/could not be reached/);
  });
});

/** The panel alone, fed by a text box, so the test controls each keystroke and the clock. */
function Typing({ world, delayMs }: { world: SettingsWorld; delayMs: number }) {
  const [draft, setDraft] = useState<SettingsDraft>(draftOf(DEFAULT_PORTAL_SETTINGS));
  return (
    <>
      <Input
        name="subject"
        label="Subject"
        testId="typing"
        onInput={(text) => setDraft((d) => withValue(d, "email.template.subject", text))}
      />
      <EmailPreviewPanel api={world.api} draft={draft} emailOn delayMs={delayMs} />
    </>
  );
}

describe("the preview's pause", () => {
  it("asks once the admin stops typing, with the last text only", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const page = createRenderer("settings");
    page.render(<Typing world={world} delayMs={400} />);
    await page.waitFor(() => expect(subject(page)).toBe("Subject: Your Verification Code"));
    expect(previews()).toHaveLength(1);
    expect(textOf(page.findByTestId(Tile, "email-preview"))).not.toContain(
      "E-mail delivery is off",
    );

    for (const text of ["Y", "Yo", "You", "Your code"]) {
      page.findByTestId(Input, "typing").trigger("onInput", text as never);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(previews()).toHaveLength(1); // still typing: nothing asked
    expect(page.maybeFind(LoadingSpinner, { label: "Updating the preview" })).not.toBeNull();
    expect(subject(page)).toBe("Subject: Your Verification Code"); // the last preview stays

    await vi.advanceTimersByTimeAsync(400);
    await page.waitFor(() => expect(subject(page)).toBe("Subject: Your code"));
    expect(previews()).toHaveLength(2);
    expect(page.maybeFind(LoadingSpinner, { label: "Updating the preview" })).toBeNull();
    expect(previews()[1]?.body?.["email"]).toMatchObject({ template: { subject: "Your code" } });
  });
});
