// The entry HubSpot loads for the contact card (bundled into apps/hubspot-app by its build, with
// react and @hubspot/ui-extensions left to the host). Browser-safe: no Node imports here or below.
import { hubspot } from "@hubspot/ui-extensions";
import { OtpCardEntry } from "../card/card-entry.js";

hubspot.extend<"crm.record.sidebar">(({ context, actions }) => (
  <OtpCardEntry context={context} actions={actions} />
));
