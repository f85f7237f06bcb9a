export {
  type ApiFailure,
  type ApiResult,
  createOtpkitApi,
  type HubSpotFetch,
  type IssueOutcome,
  newRequestId,
  type OtpkitApi,
} from "./api.js";
export { apiFromVariables, BACKEND_URL_VARIABLE, type BackendApi } from "./card/backend-url.js";
export { OtpCardEntry, type OtpCardEntryProps } from "./card/card-entry.js";
export { formatDateTime, type TimeFormat, timeFormatOf } from "./card/format.js";
export { OtpCard, type OtpCardContext, type OtpCardProps } from "./card/otp-card.js";
export { type CardActions, RESEND_MODAL_ID } from "./card/use-otp-card.js";
export {
  SettingsExtension,
  type SettingsExtensionProps,
} from "./settings/settings-extension.js";
export { SettingsPage, type SettingsPageProps } from "./settings/settings-page.js";
export type * from "./wire.js";
