import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Estonian. */
export const et: EmailTemplateSet = {
  code: {
    subject: "Sinu {{productName}} kinnituskood",
    greeting: "Tere {{name}}!",
    body: [
      "Siin on kinnituskood, mida küsisid:",
      "{{code}}",
      "Kehtivusaeg: {{expiryDuration}} (kuni {{expiryTime}}). Sisesta see lehel, kus seda küsisid.",
      "Kui sa seda koodi ei küsinud, võid selle e-kirja tähelepanuta jätta: ilma sinu postkastile ligipääsuta ei saa keegi seda kasutada. Ära jaga seda kunagi kellegagi; {{productName}} ei küsi seda sinult kunagi.",
    ].join("\n\n"),
    footer:
      "See on teenuse {{productName}} automaatne sõnum.\nVajad abi? Võta ühendust: {{supportContact}}.",
  },
  retry: {
    subject: "Sinu uus {{productName}} kinnituskood",
    greeting: "Tere {{name}}!",
    body: [
      "Sisestati vale kood, seega saadame sulle uue. Eelmine kood enam ei kehti.",
      "{{code}}",
      "Kehtivusaeg: {{expiryDuration}} (kuni {{expiryTime}}).",
      "Kui sa ei ürita sisse logida, võid selle e-kirja tähelepanuta jätta. Ära jaga seda koodi kunagi kellegagi; {{productName}} ei küsi seda sinult kunagi.",
    ].join("\n\n"),
    footer:
      "See on teenuse {{productName}} automaatne sõnum.\nVajad abi? Võta ühendust: {{supportContact}}.",
  },
  lockout: {
    subject: "Sisselogimine teenusesse {{productName}} on peatatud",
    greeting: "Tere {{name}}!",
    body: [
      "Sisestati liiga palju valesid koode, seega peatasime sisselogimise sinu {{productName}} kontole. Nii kaitseme seda kellegi eest, kes üritab koodi ära arvata.",
      "Uuesti saad proovida alates {{lockedUntil}}.",
      "Kui see polnud sina või vajad kohe abi, võta ühendust: {{supportContact}}.",
    ].join("\n\n"),
    footer: "See on teenuse {{productName}} automaatne sõnum.",
  },
  unlock: {
    subject: "Saad teenusesse {{productName}} taas sisse logida",
    greeting: "Tere {{name}}!",
    body: [
      "Sisselogimise paus teenuses {{productName}} on lõppenud. Võid uue koodi küsida siis, kui oled valmis.",
      "Kui sa ei üritanud sisse logida, võta ühendust: {{supportContact}}.",
    ].join("\n\n"),
    footer: "See on teenuse {{productName}} automaatne sõnum.",
  },
};
