import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Portuguese (Brazilian, "você"; also for `pt-PT`). */
export const pt: ConversationMessages = {
  codeSentPhone:
    "Enviamos um código de verificação para o número {destination} cadastrado no seu perfil. Digite o código (ele expira em {minutes} minutos).",
  codeSentEmail:
    "Enviamos um código de verificação para o e-mail {destination} cadastrado no seu perfil. Digite o código (ele expira em {minutes} minutos).",
  codeSentGeneric:
    "Se os dados corresponderem a um cadastro, enviamos um código de verificação para o contato registrado nele. Digite o código (ele expira em {minutes} minutos).",
  incorrectMany: "Código incorreto. Você ainda tem {attempts} tentativas.",
  incorrectOne: "Código incorreto. Você ainda tem 1 tentativa.",
  incorrectResentMany:
    "Código incorreto. Enviamos um novo código para você. Digite o novo código. Você ainda tem {attempts} tentativas.",
  incorrectResentOne:
    "Código incorreto. Enviamos um novo código para você. Digite o novo código. Você ainda tem 1 tentativa.",
  replaced:
    "Esse código foi substituído por um mais recente. Digite o último código que enviamos para você.",
  cancelled:
    "Código incorreto. Por segurança, a verificação foi cancelada. Me envie uma nova mensagem para recomeçar.",
  expired: "O código expirou. Me envie uma nova mensagem e eu mandarei outro código.",
  malformed:
    "Isso não parece um código de verificação. Digite o código de {length} dígitos que enviamos para você.",
  verified: "Identidade verificada.",
  throttled:
    "Acabamos de enviar um código. Aguarde {seconds} segundos e me envie uma nova mensagem.",
  locked: "Por segurança, a verificação está pausada para este perfil. Tente novamente mais tarde.",
  pending: "Digite o código de verificação que enviamos para você.",
  notStarted:
    "Não há nenhuma verificação em andamento. Me informe seu identificador e eu enviarei um código.",
  sessionExpired: "Sua sessão expirou. Verifique sua identidade novamente para continuar.",
  sessionActive: "Sua identidade está verificada.",
  sessionEnded: "Sua sessão foi encerrada.",
  noChannel:
    "Não conseguimos enviar um código de verificação: seu perfil não tem número de telefone nem e-mail. Entre em contato com o suporte.",
};
