import type { PageStrings } from "../page-strings.js";

/** The hosted page: English. */
export const en: PageStrings = {
  title: "Enter your verification code",
  endedTitle: "Verification code",
  introTo: "We sent a code to {destination}.",
  intro: "Enter the code we sent you.",
  label: "Verification code",
  hint: "Spaces and dashes are fine.",
  submit: "Verify",
  invalidOne: "That code is not right. 1 attempt remaining.",
  invalidMany: "That code is not right. {attempts} attempts remaining.",
  resentToOne: "We sent a new code to {destination}. Enter the new code (1 attempt).",
  resentTo: "We sent a new code to {destination}. Enter the new code ({attempts} attempts).",
  resentOne: "We sent a new code. Enter the new code (1 attempt).",
  resent: "We sent a new code. Enter the new code ({attempts} attempts).",
  wrongThen: "That code is not right. {next}",
  resendPrompt: "Didn't get the code?",
  resendButton: "Send a new code",
  waitSecond: "You can ask for a new code in 1 second.",
  waitSeconds: "You can ask for a new code in {seconds} seconds.",
  waitMinute: "You can ask for a new code in 1 minute.",
  waitMinutes: "You can ask for a new code in {minutes} minutes.",
  resendFailed: "We could not send a new code. Try again in a minute.",
  malformedDigits: "Enter the {length}-digit code.",
  malformedLetters: "Enter the {length}-character code (letters).",
  malformedAlphanumeric: "Enter the {length}-character code (letters and digits).",
  exhausted: "Too many wrong attempts for this code. Request a new code.",
  expired: "This code has expired. Request a new code.",
  lockedOne:
    "Too many failed attempts. Sign-in is paused; try again in 1 minute (after {time} UTC).",
  locked:
    "Too many failed attempts. Sign-in is paused; try again in {minutes} minutes (after {time} UTC).",
  lockedContact:
    "Too many failed attempts. Sign-in is locked until support unlocks it; contact {support}.",
  lockedSupport:
    "Too many failed attempts. Sign-in is locked until support unlocks it; contact support.",
  notFound: "This code is no longer valid. Request a new code.",
  verifiedTitle: "You're verified",
  verified: "Thanks, your code is correct. You can close this page.",
  continue: "Continue",
  unknownTitle: "This link is not valid",
  unknown: "The link may be mistyped, or the request was cancelled.",
  cancelled: "This verification was cancelled. Request a new code.",
  tooMany: "Too many requests from your network. Wait a minute and try again.",
  badForm: "The form expired. Reload the page and enter the code again.",
};
