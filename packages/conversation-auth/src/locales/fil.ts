import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Filipino. */
export const fil: ConversationMessages = {
  codeSentPhone:
    "Nagpadala kami ng verification code sa numerong {destination} na nakarehistro sa iyong profile. Pakilagay ang code (mag-e-expire ito sa loob ng {minutes} minuto).",
  codeSentEmail:
    "Nagpadala kami ng verification code sa email na {destination} na nakarehistro sa iyong profile. Pakilagay ang code (mag-e-expire ito sa loob ng {minutes} minuto).",
  codeSentGeneric:
    "Kung tumutugma ang mga detalye sa isang record, nagpadala kami ng verification code sa contact na nakarehistro roon. Pakilagay ang code (mag-e-expire ito sa loob ng {minutes} minuto).",
  incorrectMany: "Mali ang code. May {attempts} subok ka pang natitira.",
  incorrectOne: "Mali ang code. May 1 subok ka pang natitira.",
  incorrectResentMany:
    "Mali ang code. Nagpadala kami sa iyo ng bagong code. Pakilagay ito. May {attempts} subok ka pang natitira.",
  incorrectResentOne:
    "Mali ang code. Nagpadala kami sa iyo ng bagong code. Pakilagay ito. May 1 subok ka pang natitira.",
  replaced:
    "Napalitan na ng mas bagong code ang code na iyan. Pakilagay ang pinakabagong code na ipinadala namin sa iyo.",
  cancelled:
    "Mali ang code. Para sa seguridad, kinansela ang proseso ng pag-verify. Mag-message ulit sa akin para magsimula muli.",
  expired: "Nag-expire na ang code. Pakimessage ulit ako at padadalhan kita ng bago.",
  malformed:
    "Mukhang hindi iyan verification code. Pakilagay ang {length}-digit na code na ipinadala namin sa iyo.",
  verified: "Na-verify na ang pagkakakilanlan.",
  throttled:
    "Kapapadala lang ng code. Pakihintay ang {seconds} segundo at mag-message ulit sa akin.",
  locked:
    "Para sa seguridad, naka-pause ang pag-verify para sa profile na ito. Pakisubukan ulit mamaya.",
  pending: "Pakilagay ang verification code na ipinadala namin sa iyo.",
  notStarted:
    "Walang pag-verify na kasalukuyang isinasagawa. Sabihin sa akin ang iyong identifier at padadalhan kita ng code.",
  sessionExpired:
    "Nag-expire na ang iyong session. Paki-verify ulit ang iyong pagkakakilanlan para magpatuloy.",
  sessionActive: "Na-verify na ang iyong pagkakakilanlan.",
  sessionEnded: "Natapos na ang iyong session.",
  noChannel:
    "Hindi kami makapagpadala ng verification code: walang numero ng telepono o email ang iyong profile. Pakikontak ang support.",
};
