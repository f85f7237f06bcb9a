// @otpkit/hubspot-adapter: the HubSpot app's backend as web-standard handlers (a Request in, a
// Response out). Named re-exports only: the whole public surface at a glance.
export {
  DEFAULT_RECIPIENT_PROPERTIES,
  DELIVERY_OPTIONS,
  type DeliveryOption,
  EXECUTION_STATE,
  EXPIRATION_DURATION,
  GENERATE_ERRORS,
  GENERATE_INPUTS,
  GENERATE_OUTPUTS,
  GENERATE_STATUSES,
  type GenerateError,
  type GenerateStatus,
  OBJECT_REQUEST_PROPERTIES,
  OVERRIDE_CHOICES,
  VERIFY_INPUTS,
  VERIFY_OUTPUTS,
  VERIFY_RESULTS,
  type VerifyResultValue,
  WAIT_INPUTS,
  WAIT_OUTPUTS,
  WAIT_RESULTS,
  type WaitResult,
} from "./actions/fields.js";
export {
  HUBSPOT_OTP_PURPOSE,
  type HubSpotObjectKind,
  type HubSpotSubjectRef,
  hubspotSubject,
  parseHubSpotSubject,
} from "./actions/subject.js";
export { WAIT_EXPIRATION_MARGIN_MS, WAIT_WINDOW } from "./actions/wait.js";
export { workflowPayloadSchema } from "./actions/workflow-payload.js";
export {
  CALLBACK_RESULT_TTL_MS,
  WORKFLOW_ERRORS,
  type WorkflowErrorCode,
  type WorkflowLogEntry,
} from "./actions/workflow-request.js";
export {
  type CardAction,
  type CardActiveCode,
  type CardApi,
  type CardApiOptions,
  type CardGenerated,
  type CardLocked,
  type CardStatus,
  type CardThrottled,
  type CodeUnavailable,
  type CodeUnavailableReason,
  createCardApi,
} from "./card-api.js";
export {
  type CrmClient,
  type CrmClientOptions,
  type CrmOwner,
  type CrmPropertyChoice,
  type CrmRecord,
  createCrmClient,
  type EnsurePropertiesResult,
} from "./crm-client.js";
export {
  codePropertyProblem,
  LAST_CHANNELS,
  type LastChannel,
  OTPKIT_CODE_PROPERTY,
  OTPKIT_CODE_PROPERTY_NAME,
  OTPKIT_PROPERTIES,
  OTPKIT_PROPERTY_GROUP,
  OTPKIT_PROPERTY_NAMES,
  VERIFICATION_STATUSES,
  type VerificationStatus,
} from "./crm-properties.js";
export {
  type PropertyUpdateOptions,
  type PropertyUpdates,
  propertyUpdatesFor,
} from "./crm-property-updates.js";
export {
  type CrmDeadLetter,
  type CrmDeadLetterReason,
  type CrmWriteQueue,
  type CrmWriteQueueOptions,
  createCrmWriteQueue,
} from "./crm-write-queue.js";
export {
  PORTAL_TEMPLATE_LOCALE,
  portalEmailTemplates,
  type RenderPortalEmailResult,
  renderPortalEmail,
} from "./email-template.js";
export { FETCH_API_ERRORS, type FetchApiErrorCode, type FetchRouteOptions } from "./fetch-api.js";
export {
  type CompleteDueResult,
  createHubSpotApp,
  type HubSpotApp,
  type HubSpotAppErrorContext,
  type HubSpotAppOptions,
  type HubSpotDeadLetter,
  type StoreCodeInput,
} from "./hubspot-app.js";
export {
  createHubSpotOAuth,
  HUBSPOT_REFRESH_MARGIN_MS,
  HUBSPOT_SCOPES,
  type HubSpotOAuth,
  type HubSpotOAuthOptions,
} from "./oauth.js";
export {
  type CountryCode,
  MAX_PHONE_INPUT_LENGTH,
  type ParsePhoneResult,
  type PhoneFailureReason,
  parsePhone,
} from "./phone.js";
export {
  type CodeOverride,
  createPortalEngines,
  type PortalEngines,
  type PortalEnginesOptions,
  type PortalSnapshot,
} from "./portal-engines.js";
export {
  createRateLimiter,
  HUBSPOT_BURST_LIMIT,
  HUBSPOT_SEARCH_LIMIT,
  type RateLimiter,
  type RateLimiterOptions,
} from "./rate-limiter.js";
export {
  CODE_LENGTHS,
  CODE_TYPES,
  DEFAULT_EMAIL_TEMPLATE,
  DEFAULT_PORTAL_SETTINGS,
  dropUnknownSettings,
  EXPIRY_MINUTES,
  EXPIRY_PLACEHOLDER,
  otpOptionsFor,
  type ParsePortalSettingsResult,
  type PortalOtpOptions,
  type PortalSettings,
  type PortalSettingsInput,
  parsePortalSettings,
  portalSettingsSchema,
} from "./settings.js";
export {
  createSettingsApi,
  type PropertyChoices,
  type SettingsApi,
  type SettingsApiOptions,
  type SettingsCrm,
} from "./settings-api.js";
export {
  HUBSPOT_SIGNATURE_MAX_SKEW_MS,
  type HubSpotHeaders,
  type HubSpotSignatureFailure,
  type HubSpotSignatureResult,
  type HubSpotSignatureVersion,
  type VerifyHubSpotSignatureInput,
  verifyHubSpotSignature,
} from "./signature.js";
export {
  type HubSpotFetchIdentity,
  MAX_SIGNED_BODY_BYTES,
  type ReadSignedRequestOptions,
  type ReadSignedRequestResult,
  type RejectedHubSpotRequest,
  readSignedRequest,
  type SignedHubSpotRequest,
  type SignedRequestFailure,
} from "./signed-request.js";
export {
  type ClaimPendingCallback,
  HUBSPOT_STORAGE_MAX_LIMIT,
  type HubSpotAppStorage,
  type NewPendingCallback,
  type PendingCallback,
  type SavedCallbackResult,
} from "./storage.js";
export {
  createHubSpotTokenSealer,
  type HubSpotTokenSealer,
  type OpenedToken,
} from "./token-seal.js";
