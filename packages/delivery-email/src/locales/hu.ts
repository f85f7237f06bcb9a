import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Hungarian (formal "Ön"). */
export const hu: EmailTemplateSet = {
  code: {
    subject: "Az Ön {{productName}} ellenőrző kódja",
    greeting: "Üdvözöljük, {{name}}!",
    body: [
      "Íme a kért ellenőrző kód:",
      "{{code}}",
      "Érvényesség: {{expiryDuration}} (lejárat: {{expiryTime}}). Írja be azon az oldalon, ahol kérte.",
      "Ha nem Ön kérte ezt a kódot, nyugodtan hagyja figyelmen kívül ezt az e-mailt: a postafiókjához való hozzáférés nélkül senki sem tudja használni. Soha ne ossza meg senkivel; a(z) {{productName}} soha nem fogja elkérni Öntől.",
    ].join("\n\n"),
    footer:
      "Ez a(z) {{productName}} automatikus üzenete.\nSegítségre van szüksége? Forduljon ide: {{supportContact}}.",
  },
  retry: {
    subject: "Az Ön új {{productName}} ellenőrző kódja",
    greeting: "Üdvözöljük, {{name}}!",
    body: [
      "Hibás kódot adtak meg, ezért küldünk egy újat. Az előző kód már nem érvényes.",
      "{{code}}",
      "Érvényesség: {{expiryDuration}} (lejárat: {{expiryTime}}).",
      "Ha nem próbál bejelentkezni, nyugodtan hagyja figyelmen kívül ezt az e-mailt. Soha ne ossza meg ezt a kódot senkivel; a(z) {{productName}} soha nem fogja elkérni Öntől.",
    ].join("\n\n"),
    footer:
      "Ez a(z) {{productName}} automatikus üzenete.\nSegítségre van szüksége? Forduljon ide: {{supportContact}}.",
  },
  lockout: {
    subject: "A bejelentkezés szünetel: {{productName}}",
    greeting: "Üdvözöljük, {{name}}!",
    body: [
      "Túl sok hibás kódot adtak meg, ezért szüneteltettük a bejelentkezést a(z) {{productName}}-fiókjába. Ez megvédi a fiókot attól, aki megpróbálja kitalálni a kódot.",
      "Ekkortól próbálkozhat újra: {{lockedUntil}}.",
      "Ha nem Ön volt, vagy most azonnal segítségre van szüksége, forduljon ide: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ez a(z) {{productName}} automatikus üzenete.",
  },
  unlock: {
    subject: "Újra bejelentkezhet: {{productName}}",
    greeting: "Üdvözöljük, {{name}}!",
    body: [
      "A(z) {{productName}} bejelentkezési szünete véget ért. Amikor készen áll, kérhet új kódot.",
      "Ha nem Ön próbált bejelentkezni, forduljon ide: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Ez a(z) {{productName}} automatikus üzenete.",
  },
};
