import type { ConversationMessages } from "../messages.js";

/** Conversation replies: English, with the wording of the product description (seed 004). */
export const en: ConversationMessages = {
  codeSentPhone:
    "We sent a verification code to the number {destination} registered in your profile. Please enter the code (expires in {minutes} minutes).",
  codeSentEmail:
    "We sent a verification code to the email {destination} registered in your profile. Please enter the code (expires in {minutes} minutes).",
  codeSentGeneric:
    "If the details match a record, we sent a verification code to the contact registered in it. Please enter the code (expires in {minutes} minutes).",
  incorrectMany: "Incorrect code. You have {attempts} attempts remaining.",
  incorrectOne: "Incorrect code. You have 1 attempt remaining.",
  incorrectResentMany:
    "Incorrect code. We sent you a new code: please enter it. You have {attempts} attempts remaining.",
  incorrectResentOne:
    "Incorrect code. We sent you a new code: please enter it. You have 1 attempt remaining.",
  replaced: "That code was replaced by a newer one. Please enter the latest code we sent you.",
  cancelled:
    "Incorrect code. For security, the verification process was cancelled. Message me again to restart.",
  expired: "The code has expired. Please message me again and I will send you a new one.",
  malformed:
    "That does not look like a verification code. Please enter the {length}-digit code we sent you.",
  verified: "Identity verified.",
  throttled: "A code was sent a moment ago. Please wait {seconds} seconds and message me again.",
  locked: "For security, verification is paused for this profile. Please try again later.",
  pending: "Please enter the verification code we sent you.",
  notStarted:
    "There is no verification in progress. Please tell me your identifier and I will send you a code.",
  sessionExpired: "Your session has expired. Please verify your identity again to continue.",
  sessionActive: "Your identity is verified.",
  sessionEnded: "Your session has ended.",
  noChannel:
    "We cannot send a verification code: your profile has no phone number or email. Please contact support.",
};
