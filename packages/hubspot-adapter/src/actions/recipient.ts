// Internal to Generate OTP: who gets the code, from the enrolled record. Contacts: the e-mail,
// phone and language properties (from the payload's `object.properties`, else one CRM read);
// deals: the approver e-mail input, else the deal owner's e-mail (owners API).
import type { Recipient } from "@otpkit/otp-core";
import type { CrmClient } from "../crm-client.js";
import { parsePhone } from "../phone.js";
import type { PortalSettings } from "../settings.js";
import type { DeliveryOption, GenerateError } from "./fields.js";
import { DEFAULT_RECIPIENT_PROPERTIES as DEFAULTS, GENERATE_INPUTS as IN } from "./fields.js";
import type { WorkflowRequest } from "./workflow-payload.js";
import { inputValue, WorkflowInputError } from "./workflow-payload.js";

/** Whom to send to and how, or why nobody can get the code. */
export type RecipientPlan =
  | {
      ok: true;
      deliver: boolean;
      recipient?: Recipient;
      /** Channel names to use (`["email"]`); absent: the engine's choice. */
      channels?: string[];
    }
  | { ok: false; error: GenerateError };

const PROPERTY = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
// Deliberately loose: the channel validates the address; this only keeps junk ("n/a") out.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const LOCALE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

function propertyInput(request: WorkflowRequest, field: string): string | undefined {
  const name = inputValue(request, field);
  if (name !== undefined && !PROPERTY.test(name)) {
    throw new WorkflowInputError(field, `${field}: a property's internal name`);
  }
  return name;
}

function email(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed !== undefined && trimmed.length <= 254 && EMAIL.test(trimmed)
    ? trimmed
    : undefined;
}

/** hs_language values (`en`, `pt-br`, `zh-tw`) as BCP 47 tags; anything else is dropped. */
function locale(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && LOCALE.test(trimmed) ? trimmed.replace(/_/g, "-") : undefined;
}

/** The enrolled contact's e-mail / phone per the `delivery` input and the portal's channels. */
export async function contactRecipient(
  request: WorkflowRequest,
  settings: PortalSettings,
  delivery: DeliveryOption,
  crm: Pick<CrmClient, "getContact">,
): Promise<RecipientPlan> {
  const emailProperty = propertyInput(request, IN.emailProperty) ?? DEFAULTS.email;
  const phoneInput = propertyInput(request, IN.phoneProperty);
  const phoneProperties = phoneInput === undefined ? [...DEFAULTS.phone] : [phoneInput];
  const languageProperty = propertyInput(request, IN.languageProperty) ?? DEFAULTS.language;
  // In "auto", a channel the admin turned off is not considered at all; with both off, the code
  // is only kept (the contact property, the card), as with "none".
  const autoOff = delivery === "auto" && !settings.email.enabled && !settings.whatsapp.enabled;
  if (delivery === "none" || autoOff) return { ok: true, deliver: false };

  const useEmail = delivery === "email" || (delivery === "auto" && settings.email.enabled);
  const usePhone = delivery === "whatsapp" || (delivery === "auto" && settings.whatsapp.enabled);
  if (
    (delivery === "email" && !settings.email.enabled) ||
    (delivery === "whatsapp" && !settings.whatsapp.enabled)
  ) {
    return { ok: false, error: "no_channel" };
  }
  const wanted = [
    ...(useEmail ? [emailProperty] : []),
    ...(usePhone ? phoneProperties : []),
    languageProperty,
  ];
  const values = await readProperties(request, wanted, crm);
  if (values === undefined) return { ok: false, error: "contact_not_found" };

  const address = useEmail ? email(values[emailProperty]) : undefined;
  let phone: string | undefined;
  let phoneError: GenerateError | undefined;
  if (usePhone) {
    const raw = phoneProperties
      .map((p) => values[p]?.trim())
      .find((v) => v !== undefined && v !== "");
    if (raw !== undefined) {
      // National numbers are read as numbers of the portal's country; never guessed further.
      const parsed = parsePhone(raw, settings.defaultCountry);
      if (parsed.ok) phone = parsed.e164;
      else
        phoneError =
          parsed.reason === "empty" ? "no_phone" : (`phone_${parsed.reason}` as GenerateError);
    }
  }
  const language = locale(values[languageProperty]);
  const extra = language === undefined ? {} : { locale: language };
  if (delivery === "email") {
    if (address === undefined) return { ok: false, error: "no_email" };
    return {
      ok: true,
      deliver: true,
      recipient: { email: address, ...extra },
      channels: ["email"],
    };
  }
  if (delivery === "whatsapp") {
    if (phone === undefined) return { ok: false, error: phoneError ?? "no_phone" };
    return { ok: true, deliver: true, recipient: { phone, ...extra }, channels: ["whatsapp"] };
  }
  // auto: whatever the contact has; an unreadable phone only matters when there is no e-mail.
  if (address === undefined && phone === undefined) {
    return { ok: false, error: phoneError ?? "no_recipient" };
  }
  return {
    ok: true,
    deliver: true,
    recipient: {
      ...(address === undefined ? {} : { email: address }),
      ...(phone === undefined ? {} : { phone }),
      ...extra,
    },
  };
}

/** A deal's approver (the `approver_email` input) or owner, by e-mail. */
export async function dealRecipient(
  request: WorkflowRequest,
  settings: PortalSettings,
  delivery: DeliveryOption,
  crm: Pick<CrmClient, "getDeal" | "getOwner">,
): Promise<RecipientPlan> {
  if (delivery === "none" || (delivery === "auto" && !settings.email.enabled)) {
    return { ok: true, deliver: false };
  }
  // Owners have no phone in HubSpot's owners API: a deal's code goes by e-mail.
  if (delivery === "whatsapp") return { ok: false, error: "no_phone" };
  if (!settings.email.enabled) return { ok: false, error: "no_channel" };
  const approver = inputValue(request, IN.approverEmail);
  if (approver !== undefined) {
    const address = email(approver);
    if (address === undefined) return { ok: false, error: "invalid_approver_email" };
    return { ok: true, deliver: true, recipient: { email: address }, channels: ["email"] };
  }
  const values = await readDeal(request, crm);
  if (values === undefined) return { ok: false, error: "deal_not_found" };
  const ownerId = values[DEFAULTS.dealOwner]?.trim();
  if (!ownerId || !/^[0-9]{1,20}$/.test(ownerId)) return { ok: false, error: "no_owner" };
  const owner = await crm.getOwner(ownerId);
  if (owner === undefined) return { ok: false, error: "no_owner" };
  const address = email(owner.email);
  if (address === undefined) return { ok: false, error: "owner_no_email" };
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(" ");
  return {
    ok: true,
    deliver: true,
    recipient: { email: address, ...(name ? { name } : {}) },
    channels: ["email"],
  };
}

/** The wanted properties: from the payload when HubSpot sent them, the rest from one CRM read. */
async function readProperties(
  request: WorkflowRequest,
  wanted: readonly string[],
  crm: Pick<CrmClient, "getContact">,
): Promise<Record<string, string | null> | undefined> {
  const values: Record<string, string | null> = {};
  const missing: string[] = [];
  for (const name of new Set(wanted)) {
    if (Object.hasOwn(request.properties, name)) values[name] = request.properties[name] ?? null;
    else missing.push(name);
  }
  if (missing.length === 0) return values;
  const contact = await crm.getContact(request.objectId, missing);
  if (contact === undefined) return undefined;
  for (const name of missing) values[name] = contact.properties[name] ?? null;
  return values;
}

async function readDeal(
  request: WorkflowRequest,
  crm: Pick<CrmClient, "getDeal">,
): Promise<Record<string, string | null> | undefined> {
  const name = DEFAULTS.dealOwner;
  if (Object.hasOwn(request.properties, name)) return { [name]: request.properties[name] ?? null };
  const deal = await crm.getDeal(request.objectId, [name]);
  return deal === undefined ? undefined : { [name]: deal.properties[name] ?? null };
}
