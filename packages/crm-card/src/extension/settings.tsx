// The entry HubSpot loads for the app's settings page (bundled with react and
// @hubspot/ui-extensions left to the host).
import { hubspot } from "@hubspot/ui-extensions";
import { SettingsExtension } from "../settings/settings-extension.js";

hubspot.extend<"settings">(({ context, actions }) => (
  <SettingsExtension context={context} actions={actions} />
));
