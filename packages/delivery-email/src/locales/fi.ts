import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Finnish. */
export const fi: EmailTemplateSet = {
  code: {
    subject: "{{productName}}-vahvistuskoodisi",
    greeting: "Hei {{name}},",
    body: [
      "Tässä on pyytämäsi vahvistuskoodi:",
      "{{code}}",
      "Voimassa: {{expiryDuration}} (klo {{expiryTime}} asti). Syötä koodi sivulla, jolla pyysit sitä.",
      "Jos et pyytänyt tätä koodia, voit jättää tämän viestin huomiotta: kukaan ei voi käyttää koodia ilman pääsyä sähköpostiisi. Älä koskaan kerro sitä kenellekään; {{productName}} ei koskaan kysy sitä sinulta.",
    ].join("\n\n"),
    footer:
      "Tämä on automaattinen viesti palvelusta {{productName}}.\nTarvitsetko apua? Ota yhteyttä: {{supportContact}}.",
  },
  retry: {
    subject: "Uusi {{productName}}-vahvistuskoodisi",
    greeting: "Hei {{name}},",
    body: [
      "Koodi syötettiin väärin, joten tässä on uusi. Edellinen koodi ei enää toimi.",
      "{{code}}",
      "Voimassa: {{expiryDuration}} (klo {{expiryTime}} asti).",
      "Jos et ole kirjautumassa sisään, voit jättää tämän viestin huomiotta. Älä koskaan kerro tätä koodia kenellekään; {{productName}} ei koskaan kysy sitä sinulta.",
    ].join("\n\n"),
    footer:
      "Tämä on automaattinen viesti palvelusta {{productName}}.\nTarvitsetko apua? Ota yhteyttä: {{supportContact}}.",
  },
  lockout: {
    subject: "Kirjautuminen palveluun {{productName}} on keskeytetty",
    greeting: "Hei {{name}},",
    body: [
      "Vääriä koodeja syötettiin liian monta, joten keskeytimme kirjautumisen {{productName}}-tilillesi. Näin suojaamme tiliä koodin arvaajilta.",
      "Voit yrittää uudelleen tämän jälkeen: {{lockedUntil}}.",
      "Jos tämä et ollut sinä tai tarvitset apua nyt, ota yhteyttä: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Tämä on automaattinen viesti palvelusta {{productName}}.",
  },
  unlock: {
    subject: "Voit taas kirjautua palveluun {{productName}}",
    greeting: "Hei {{name}},",
    body: [
      "Kirjautumisen keskeytys palvelussa {{productName}} on päättynyt. Voit pyytää uuden koodin, kun olet valmis.",
      "Jos et yrittänyt kirjautua, ota yhteyttä: {{supportContact}}.",
    ].join("\n\n"),
    footer: "Tämä on automaattinen viesti palvelusta {{productName}}.",
  },
};
