import type { EmailTemplateSet } from "../templates.js";

/** Built-in e-mail templates: Portuguese (Brazilian, "você"; also for `pt-PT`). */
export const pt: EmailTemplateSet = {
  code: {
    subject: "Seu código de verificação do {{productName}}",
    greeting: "Olá, {{name}},",
    body: [
      "Aqui está o código de verificação que você pediu:",
      "{{code}}",
      "Ele expira em {{expiryDuration}} (às {{expiryTime}}). Digite-o na página em que você o solicitou.",
      "Se você não pediu este código, pode ignorar este e-mail: ninguém pode usá-lo sem acesso à sua caixa de entrada. Nunca o compartilhe com ninguém; o {{productName}} nunca vai pedi-lo a você.",
    ].join("\n\n"),
    footer:
      "Esta é uma mensagem automática do {{productName}}.\nPrecisa de ajuda? Fale com {{supportContact}}.",
  },
  retry: {
    subject: "Seu novo código de verificação do {{productName}}",
    greeting: "Olá, {{name}},",
    body: [
      "Um código incorreto foi digitado, então aqui está um novo. O código anterior não funciona mais.",
      "{{code}}",
      "Ele expira em {{expiryDuration}} (às {{expiryTime}}).",
      "Se você não está tentando entrar, pode ignorar este e-mail. Nunca compartilhe este código com ninguém; o {{productName}} nunca vai pedi-lo a você.",
    ].join("\n\n"),
    footer:
      "Esta é uma mensagem automática do {{productName}}.\nPrecisa de ajuda? Fale com {{supportContact}}.",
  },
  lockout: {
    subject: "O acesso ao {{productName}} está pausado",
    greeting: "Olá, {{name}},",
    body: [
      "Foram digitados códigos incorretos demais, então pausamos o acesso à sua conta do {{productName}}. Isso a protege de alguém que esteja tentando adivinhar o código.",
      "Você poderá tentar novamente depois de {{lockedUntil}}.",
      "Se não foi você, ou se precisa de ajuda agora, fale com {{supportContact}}.",
    ].join("\n\n"),
    footer: "Esta é uma mensagem automática do {{productName}}.",
  },
  unlock: {
    subject: "Você já pode entrar no {{productName}} novamente",
    greeting: "Olá, {{name}},",
    body: [
      "A pausa no acesso ao {{productName}} terminou. Você pode pedir um novo código quando quiser.",
      "Se você não estava tentando entrar, fale com {{supportContact}}.",
    ].join("\n\n"),
    footer: "Esta é uma mensagem automática do {{productName}}.",
  },
};
