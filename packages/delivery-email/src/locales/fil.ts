import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Filipino. */
export const fil: EmailTemplateSet = {
  code: {
    subject: "Ang iyong verification code para sa {{productName}}",
    greeting: "Kumusta {{name}},",
    body: [
      "Narito ang verification code na hiniling mo:",
      "{{code}}",
      "Mag-e-expire ito sa loob ng {{expiryDuration}} (nang {{expiryTime}}). Ilagay ito sa page kung saan mo ito hiniling.",
      "Kung hindi mo hiniling ang code na ito, puwede mong balewalain ang email na ito: walang makakagamit nito nang walang access sa iyong inbox. Huwag itong ibahagi kahit kanino; hindi ito kailanman hihingin sa iyo ng {{productName}}.",
    ].join("\n\n"),
    footer:
      "Isa itong awtomatikong mensahe mula sa {{productName}}.\nKailangan ng tulong? Makipag-ugnayan sa {{supportContact}}.",
  },
  retry: {
    subject: "Ang iyong bagong verification code para sa {{productName}}",
    greeting: "Kumusta {{name}},",
    body: [
      "Mali ang code na inilagay, kaya narito ang bago. Hindi na gumagana ang naunang code.",
      "{{code}}",
      "Mag-e-expire ito sa loob ng {{expiryDuration}} (nang {{expiryTime}}).",
      "Kung hindi ka nagsa-sign in, puwede mong balewalain ang email na ito. Huwag ibahagi ang code na ito kahit kanino; hindi ito kailanman hihingin sa iyo ng {{productName}}.",
    ].join("\n\n"),
    footer:
      "Isa itong awtomatikong mensahe mula sa {{productName}}.\nKailangan ng tulong? Makipag-ugnayan sa {{supportContact}}.",
  },
  lockout: {
    subject: "Pansamantalang itinigil ang pag-sign in sa {{productName}}",
    greeting: "Kumusta {{name}},",
    body: [
      "Masyadong maraming maling code ang inilagay, kaya pansamantala naming itinigil ang pag-sign in sa iyong {{productName}} account. Pinoprotektahan nito ang account mo laban sa sinumang nanghuhula ng code.",
      "Maaari mong subukan ulit pagkalipas ng {{lockedUntil}}.",
      "Kung hindi ikaw ito, o kailangan mo ng tulong ngayon, makipag-ugnayan sa {{supportContact}}.",
    ].join("\n\n"),
    footer: "Isa itong awtomatikong mensahe mula sa {{productName}}.",
  },
  unlock: {
    subject: "Maaari ka nang mag-sign in muli sa {{productName}}",
    greeting: "Kumusta {{name}},",
    body: [
      "Tapos na ang pansamantalang pagtigil ng pag-sign in sa {{productName}}. Maaari kang humiling ng bagong code kapag handa ka na.",
      "Kung hindi ka nagsa-sign in, makipag-ugnayan sa {{supportContact}}.",
    ].join("\n\n"),
    footer: "Isa itong awtomatikong mensahe mula sa {{productName}}.",
  },
};
