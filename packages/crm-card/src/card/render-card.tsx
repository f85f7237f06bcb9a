// Renders the card with the official test renderer (tests and the preview pictures share it).
import type { Renderer } from "@hubspot/ui-extensions/testing";
import { createRenderer } from "@hubspot/ui-extensions/testing";
import type { OtpkitApi } from "../api.js";
import { OtpCard } from "./otp-card.js";

/** Where and for whom the card renders. */
export interface RenderCardOptions {
  /** The portal's time zone. @default "America/New_York" (the renderer's default) */
  timeZone?: string;
  /** The user's locale. @default "en-US" */
  locale?: string;
  /** The record's object type. @default "0-1" (contact) */
  objectTypeId?: string;
}

/**
 * The card rendered in a `crm.record.sidebar` test renderer, with its mocked context and actions.
 *
 * @param api The API the card calls (a `fakeApi`, or `createOtpkitApi` over a mocked fetch).
 * @param options Time zone, locale, object type.
 * @returns The renderer (`find`, `waitFor`, `mocks.actions` …).
 * @throws Whatever the renderer throws for a component HubSpot would not render.
 * @example
 * ```tsx
 * const card = renderCard(fakeApi({ cardStatus: ok(cardStatus()) }));
 * await card.waitFor(() => expect(card.findByTestId(LoadingButton, "generate")).toBeTruthy());
 * ```
 */
export function renderCard(
  api: OtpkitApi,
  options: RenderCardOptions = {},
): Renderer<"crm.record.sidebar"> {
  const renderer = createRenderer("crm.record.sidebar");
  const { context, actions } = renderer.mocks;
  if (options.timeZone !== undefined) context.portal.timezone = options.timeZone;
  context.user.locale = options.locale ?? "en-US";
  if (options.objectTypeId !== undefined) context.crm.objectTypeId = options.objectTypeId;
  renderer.render(<OtpCard api={api} context={context} actions={actions} />);
  return renderer;
}
