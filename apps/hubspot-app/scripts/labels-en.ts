import type { LocaleLabels, OutputOptionLabels } from "./label-types.js";

// English texts of the three workflow actions (HubSpot requires `en`). Keys are the adapter's
// field names and values (see label-types.ts); the Spanish file mirrors this one.

/** The English labels, descriptions and execution-rule messages. */
export const LABELS_EN: LocaleLabels = {
  appDisplayName: "otpkit",
  generate: {
    actionName: "Generate OTP",
    actionDescription:
      "Creates a one-time code for the enrolled contact (or a deal's owner or approver) and sends it by e-mail or WhatsApp, as the app settings say.",
    actionCardContent: "Generate an OTP ({{delivery}})",
    inputs: {
      email_property: {
        label: "E-mail property",
        description:
          "Internal name of the contact property that holds the e-mail address. Empty: email.",
      },
      phone_property: {
        label: "Phone property",
        description:
          "Internal name of the contact property that holds the mobile number (WhatsApp). Empty: mobilephone, then phone.",
      },
      language_property: {
        label: "Language property",
        description:
          "Internal name of the contact property that holds the e-mail's language. Empty: hs_language.",
      },
      delivery: {
        label: "Delivery",
        description:
          "How the code reaches the person. Automatic uses the channels turned on in the app settings.",
      },
      override_settings: {
        label: "Override the app settings",
        description:
          "Use the code length, expiry and code type below for this step instead of the app settings.",
      },
      code_length: {
        label: "Code length",
        description: "Characters in the code (with Override the app settings).",
      },
      expiry_minutes: {
        label: "Expires after",
        description:
          "Minutes the code stays valid (with Override the app settings). Over 10 minutes only where the settings allow longer expiries.",
      },
      code_type: {
        label: "Code type",
        description: "Which characters the code uses (with Override the app settings).",
      },
      approver_email: {
        label: "Approver e-mail (deals)",
        description: "Deal workflows: who receives the code. Empty: the deal owner.",
      },
    },
    options: {
      delivery: {
        auto: "Automatic (the channels on in the settings)",
        email: "E-mail",
        whatsapp: "WhatsApp",
        none: "Do not send (card and property only)",
      },
      codeLength: { "4": "4 characters", "6": "6 characters", "8": "8 characters" },
      expiryMinutes: {
        "5": "5 minutes",
        "10": "10 minutes",
        "15": "15 minutes",
        "30": "30 minutes",
        "60": "60 minutes",
      },
      codeType: {
        numeric: "Digits (0-9)",
        alphanumeric: "Letters and digits (no I, O, 0, 1)",
        alpha: "Letters only (no I, O)",
      },
    },
    outputs: {
      otp_status: "OTP status",
      otp_expires_at: "OTP expires at",
      otp_channel: "OTP channel",
      otp_destination: "OTP sent to (masked)",
      otp_error: "OTP error",
    },
    rules: {
      sent: "Code sent by {{otp_channel}} to {{otp_destination}}.",
      kept: "Code generated and not sent: see the contact card (or the code property).",
      contact_not_found: "The contact no longer exists.",
      deal_not_found: "The deal no longer exists.",
      no_email: "The contact has no usable e-mail address: add one, or choose another delivery.",
      no_phone:
        "No usable phone number for WhatsApp: add a mobile number, or choose another delivery.",
      no_recipient: "The contact has neither an e-mail address nor a phone number.",
      phone_not_a_number: "The phone property does not hold a phone number.",
      phone_unknown_country:
        "The phone number has no country code and the portal no default country: write it as +<country code>.",
      phone_not_possible: "The phone number has the wrong length for its country.",
      phone_invalid: "The phone number is not a valid number of its country.",
      country_not_allowed:
        "This server does not send codes to phone numbers of this country: use the e-mail delivery, or ask the server's operator.",
      invalid_approver_email: "The approver e-mail input is not an e-mail address.",
      no_owner: "The deal has no owner: assign one, or fill in the approver e-mail.",
      owner_no_email: "The deal owner has no e-mail address.",
      expiry_not_allowed:
        "Expiries over 10 minutes are off in the app settings: choose 10 minutes or less, or allow longer expiries.",
      code_too_weak:
        "This code length and type are too weak: choose a longer code, or allow weak codes in the settings.",
      no_channel: "The chosen delivery channel is turned off in the app settings.",
      no_delivery:
        "Nothing would deliver or keep the code: turn on a channel or the property storage in the settings.",
      delivery_failed: "No channel could deliver the code; no code is active.",
      crm_rejected:
        "HubSpot refused to read the record: check that the app is still installed with its scopes.",
      idempotency_conflict: "HubSpot retried this step with other data; the first attempt stands.",
      cooldown: "A code was sent moments ago: wait before sending another.",
      max_sends: "Too many codes were sent for this record: wait until the window has passed.",
      locked: "Locked after too many wrong codes.",
    },
  },
  verify: {
    actionName: "Verify OTP",
    actionDescription:
      "Checks the code the person entered against the record's active code. Branch on OTP result.",
    actionCardContent: "Verify the code in {{submitted_code}}",
    inputs: {
      submitted_code: {
        label: "Submitted code",
        description:
          "The code the person entered: usually a contact property a form fills in, or a fixed value.",
      },
    },
    outputs: {
      otp_result: "OTP result",
      otp_attempts_remaining: "OTP attempts remaining",
      otp_locked_until: "OTP locked until",
    },
    rules: {
      verified: "Code verified.",
      invalid: "Wrong code; {{otp_attempts_remaining}} attempts left.",
      exhausted: "Wrong code and no attempts left: this code no longer works.",
      expired: "The code has expired.",
      locked: "Locked after too many wrong codes.",
      not_found: "No active code for this record: generate one first.",
      malformed: "The submitted value cannot be a code (wrong length or characters).",
    },
  },
  wait: {
    actionName: "Wait for verification",
    actionDescription:
      "Holds the enrollment until the record verifies its code (hosted page, Verify OTP or the contact card) or the wait ends. Branch on OTP result.",
    actionCardContent: "Wait for verification ({{expiration_duration}})",
    inputs: {
      expiration_duration: {
        label: "Wait at most",
        description:
          "Minutes (45) or an ISO-8601 duration (PT30M, PT2H, P1D), from 1 minute to 7 days. Empty: 30 minutes.",
      },
    },
    outputs: { otp_result: "OTP result" },
    rules: {
      verified: "The record verified its code.",
      expired: "The wait ended without a verification.",
    },
  },
};

/** The English labels of the output values (`typeDefinition.options`). */
export const OUTPUT_OPTIONS_EN: OutputOptionLabels = {
  generate: {
    status: {
      generated: "Generated",
      failed: "Failed",
      throttled: "Throttled (too soon or too many)",
      locked: "Locked",
    },
    channel: { email: "E-mail", whatsapp: "WhatsApp", none: "Not sent" },
    error: {
      contact_not_found: "Contact not found",
      deal_not_found: "Deal not found",
      no_email: "No e-mail address",
      no_phone: "No phone number",
      no_recipient: "No e-mail address or phone number",
      phone_not_a_number: "Phone is not a number",
      phone_unknown_country: "Phone country unknown",
      phone_not_possible: "Phone number not possible",
      phone_invalid: "Phone number invalid",
      country_not_allowed: "Phone country not allowed",
      invalid_approver_email: "Approver e-mail invalid",
      no_owner: "Deal has no owner",
      owner_no_email: "Deal owner has no e-mail",
      expiry_not_allowed: "Expiry not allowed",
      code_too_weak: "Code too weak",
      no_channel: "Channel turned off",
      no_delivery: "Code would reach no one",
      delivery_failed: "Delivery failed",
      crm_rejected: "HubSpot refused the read",
      idempotency_conflict: "Retried with other data",
      cooldown: "Too soon after the last code",
      max_sends: "Too many codes",
      locked: "Locked",
    },
  },
  verify: {
    result: {
      verified: "Verified",
      invalid: "Wrong code",
      exhausted: "No attempts left",
      expired: "Expired",
      locked: "Locked",
      not_found: "No active code",
      malformed: "Not a code",
    },
  },
  wait: { result: { verified: "Verified", expired: "Not verified in time" } },
};
