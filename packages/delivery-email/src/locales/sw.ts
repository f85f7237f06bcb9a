import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Swahili. */
export const sw: EmailTemplateSet = {
  code: {
    subject: "Msimbo wako wa uthibitishaji wa {{productName}}",
    greeting: "Habari {{name}},",
    body: [
      "Huu ndio msimbo wa uthibitishaji ulioomba:",
      "{{code}}",
      "Muda wake unaisha baada ya {{expiryDuration}} (saa {{expiryTime}}). Uweke kwenye ukurasa ulipouomba.",
      "Ikiwa hukuomba msimbo huu, unaweza kupuuza barua pepe hii: hakuna anayeweza kuutumia bila kufikia kikasha chako. Usiwahi kumpa mtu yeyote; {{productName}} haitawahi kukuomba msimbo huu.",
    ].join("\n\n"),
    footer:
      "Huu ni ujumbe wa kiotomatiki kutoka {{productName}}.\nUnahitaji msaada? Wasiliana na {{supportContact}}.",
  },
  retry: {
    subject: "Msimbo wako mpya wa uthibitishaji wa {{productName}}",
    greeting: "Habari {{name}},",
    body: [
      "Msimbo usio sahihi uliwekwa, kwa hivyo huu hapa msimbo mpya. Msimbo uliotangulia haufanyi kazi tena.",
      "{{code}}",
      "Muda wake unaisha baada ya {{expiryDuration}} (saa {{expiryTime}}).",
      "Ikiwa hujaribu kuingia, unaweza kupuuza barua pepe hii. Usiwahi kumpa mtu yeyote msimbo huu; {{productName}} haitawahi kukuomba.",
    ].join("\n\n"),
    footer:
      "Huu ni ujumbe wa kiotomatiki kutoka {{productName}}.\nUnahitaji msaada? Wasiliana na {{supportContact}}.",
  },
  lockout: {
    subject: "Kuingia kwenye {{productName}} kumesitishwa kwa muda",
    greeting: "Habari {{name}},",
    body: [
      "Misimbo mingi isiyo sahihi iliwekwa, kwa hivyo tumesitisha kwa muda kuingia kwenye akaunti yako ya {{productName}}. Hii inailinda dhidi ya mtu anayejaribu kukisia msimbo.",
      "Unaweza kujaribu tena baada ya {{lockedUntil}}.",
      "Ikiwa si wewe, au unahitaji msaada sasa, wasiliana na {{supportContact}}.",
    ].join("\n\n"),
    footer: "Huu ni ujumbe wa kiotomatiki kutoka {{productName}}.",
  },
  unlock: {
    subject: "Unaweza kuingia kwenye {{productName}} tena",
    greeting: "Habari {{name}},",
    body: [
      "Usitishaji wa kuingia kwenye {{productName}} umekwisha. Unaweza kuomba msimbo mpya wakati wowote ukiwa tayari.",
      "Ikiwa hukuwa unajaribu kuingia, wasiliana na {{supportContact}}.",
    ].join("\n\n"),
    footer: "Huu ni ujumbe wa kiotomatiki kutoka {{productName}}.",
  },
};
