import type { ExtensionPointApi } from "@hubspot/ui-extensions";
import { Alert, Heading, hubspot } from "@hubspot/ui-extensions";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import type { ReactElement } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { shownCode } from "../card/card-fixtures.js";

type RenderExtension = (api: ExtensionPointApi<"crm.record.sidebar">) => ReactElement;
let renderExtension: RenderExtension;

beforeAll(async () => {
  const extend = vi.spyOn(hubspot, "extend").mockImplementation(() => {});
  await import("./card.js");
  expect(extend).toHaveBeenCalledTimes(1);
  renderExtension = extend.mock.calls[0]?.[0] as RenderExtension;
  extend.mockRestore();
});

afterEach(() => vi.restoreAllMocks());

function mount(variables: Record<string, string> | undefined) {
  const renderer = createRenderer("crm.record.sidebar");
  const { context, actions, runServerlessFunction } = renderer.mocks;
  if (variables === undefined) delete context.variables;
  else context.variables = variables;
  renderer.render(renderExtension({ context, actions, runServerlessFunction }));
  return renderer;
}

describe("the card's extension entry", () => {
  it("registers with hubspot.extend and calls BACKEND_URL through a signed hubspot.fetch", async () => {
    const fetch = vi
      .spyOn(hubspot, "fetch")
      .mockResolvedValue(new Response(JSON.stringify(shownCode()), { status: 200 }));
    const card = mount({ BACKEND_URL: "https://otp.example.com" });
    await card.waitFor(() => expect(card.findByTestId(Heading, "otp-code").text).toBe("482913"));
    expect(fetch).toHaveBeenCalledWith(
      "https://otp.example.com/hubspot/card/status?contactId=123",
      {
        method: "GET",
      },
    );
  });

  it("shows a setup error on the card when BACKEND_URL is missing or not a URL", () => {
    const fetch = vi.spyOn(hubspot, "fetch");
    const missing = mount(undefined);
    expect(missing.findByTestId(Alert, "setup-error").props.title).toBe("The card is not set up");
    expect(missing.findByTestId(Alert, "setup-error").text).toContain("BACKEND_URL is not set");
    const bad = mount({ BACKEND_URL: "otp.example.com" });
    expect(bad.findByTestId(Alert, "setup-error").text).toContain("not an absolute http(s) URL");
    expect(fetch).not.toHaveBeenCalled();
  });
});
