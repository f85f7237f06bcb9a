import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Latvian (formal). */
export const lv: EmailTemplateSet = {
  code: {
    subject: "Jūsu {{productName}} verifikācijas kods",
    greeting: "Sveiki, {{name}}!",
    body: [
      "Lūk, jūsu pieprasītais verifikācijas kods:",
      "{{code}}",
      "Derīguma termiņš: {{expiryDuration}} (līdz {{expiryTime}}). Ievadiet to lapā, kurā to pieprasījāt.",
      "Ja jūs nepieprasījāt šo kodu, varat ignorēt šo e-pasta ziņojumu: bez piekļuves jūsu pastkastītei neviens to nevar izmantot. Nekad nevienam to neatklājiet; {{productName}} nekad to jums neprasīs.",
    ].join("\n\n"),
    footer:
      "Šis ir automātisks {{productName}} ziņojums.\nNepieciešama palīdzība? Sazinieties: {{supportContact}}.",
  },
  retry: {
    subject: "Jūsu jaunais {{productName}} verifikācijas kods",
    greeting: "Sveiki, {{name}}!",
    body: [
      "Tika ievadīts nepareizs kods, tāpēc nosūtām jaunu. Iepriekšējais kods vairs nav derīgs.",
      "{{code}}",
      "Derīguma termiņš: {{expiryDuration}} (līdz {{expiryTime}}).",
      "Ja jūs nemēģināt pieteikties, varat ignorēt šo e-pasta ziņojumu. Nekad nevienam neatklājiet šo kodu; {{productName}} nekad to jums neprasīs.",
    ].join("\n\n"),
    footer:
      "Šis ir automātisks {{productName}} ziņojums.\nNepieciešama palīdzība? Sazinieties: {{supportContact}}.",
  },
  lockout: {
    subject: "Pieteikšanās {{productName}} ir apturēta",
    greeting: "Sveiki, {{name}}!",
    body: [
      "Tika ievadīts pārāk daudz nepareizu kodu, tāpēc mēs apturējām pieteikšanos jūsu {{productName}} kontā. Tas to aizsargā pret kādu, kurš mēģina uzminēt kodu.",
      "Mēģināt vēlreiz varēsiet pēc: {{lockedUntil}}.",
      "Ja tas nebijāt jūs vai jums palīdzība nepieciešama tūlīt, sazinieties: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Šis ir automātisks {{productName}} ziņojums.",
  },
  unlock: {
    subject: "Jūs atkal varat pieteikties {{productName}}",
    greeting: "Sveiki, {{name}}!",
    body: [
      "Pieteikšanās {{productName}} apturēšana ir beigusies. Jaunu kodu varat pieprasīt jebkurā laikā.",
      "Ja jūs nemēģinājāt pieteikties, sazinieties: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Šis ir automātisks {{productName}} ziņojums.",
  },
};
