import type { PageStrings } from "../page-strings.js";

/** The hosted page: Portuguese (Brazilian, "você"; also for `pt-PT`). */
export const pt: PageStrings = {
  title: "Digite seu código de verificação",
  endedTitle: "Código de verificação",
  introTo: "Enviamos um código para {destination}.",
  intro: "Digite o código que enviamos para você.",
  label: "Código de verificação",
  hint: "Pode usar espaços e hífens.",
  submit: "Verificar",
  invalidOne: "Esse código não está correto. Resta 1 tentativa.",
  invalidMany: "Esse código não está correto. Restam {attempts} tentativas.",
  replacedTo:
    "Esse código foi substituído: use o código mais recente que enviamos para {destination}.",
  replaced: "Esse código foi substituído: use o código mais recente que enviamos para você.",
  resentToOne: "Enviamos um novo código para {destination}. Digite o novo código (1 tentativa).",
  resentTo:
    "Enviamos um novo código para {destination}. Digite o novo código ({attempts} tentativas).",
  resentOne: "Enviamos um novo código. Digite o novo código (1 tentativa).",
  resent: "Enviamos um novo código. Digite o novo código ({attempts} tentativas).",
  wrongThen: "Esse código não está correto. {next}",
  resendPrompt: "Não recebeu o código?",
  resendButton: "Enviar um novo código",
  waitSecond: "Você poderá pedir um novo código em 1 segundo.",
  waitSeconds: "Você poderá pedir um novo código em {seconds} segundos.",
  waitMinute: "Você poderá pedir um novo código em 1 minuto.",
  waitMinutes: "Você poderá pedir um novo código em {minutes} minutos.",
  resendFailed: "Não conseguimos enviar um novo código. Tente novamente em um minuto.",
  malformedDigits: "Digite o código de {length} dígitos.",
  malformedLetters: "Digite o código de {length} caracteres (letras).",
  malformedAlphanumeric: "Digite o código de {length} caracteres (letras e números).",
  exhausted: "Muitas tentativas erradas para este código. Peça um novo código.",
  expired: "Este código expirou. Peça um novo código.",
  lockedOne:
    "Muitas tentativas sem sucesso. O acesso está pausado; tente novamente em 1 minuto (depois das {time} UTC).",
  locked:
    "Muitas tentativas sem sucesso. O acesso está pausado; tente novamente em {minutes} minutos (depois das {time} UTC).",
  lockedContact:
    "Muitas tentativas sem sucesso. O acesso está bloqueado até o suporte desbloqueá-lo; fale com {support}.",
  lockedSupport:
    "Muitas tentativas sem sucesso. O acesso está bloqueado até o suporte desbloqueá-lo; fale com o suporte.",
  notFound: "Este código não é mais válido. Peça um novo código.",
  verifiedTitle: "Verificação concluída",
  verified: "Obrigado, seu código está correto. Você já pode fechar esta página.",
  continue: "Continuar",
  unknownTitle: "Este link não é válido",
  unknown: "O link pode ter sido digitado errado, ou a solicitação foi cancelada.",
  cancelled: "Esta verificação foi cancelada. Peça um novo código.",
  tooMany: "Muitas solicitações vindas da sua rede. Aguarde um minuto e tente novamente.",
  badForm: "O formulário expirou. Recarregue a página e digite o código novamente.",
};
