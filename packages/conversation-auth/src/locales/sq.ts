import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Albanian (informal). */
export const sq: ConversationMessages = {
  codeSentPhone:
    "Të dërguam një kod verifikimi në numrin {destination} të regjistruar në profilin tënd. Të lutem, fut kodin (skadon pas {minutes} minutash).",
  codeSentEmail:
    "Të dërguam një kod verifikimi në emailin {destination} të regjistruar në profilin tënd. Të lutem, fut kodin (skadon pas {minutes} minutash).",
  codeSentGeneric:
    "Nëse të dhënat përputhen me një profil, dërguam një kod verifikimi te kontakti i regjistruar në të. Të lutem, fut kodin (skadon pas {minutes} minutash).",
  incorrectMany: "Kod i pasaktë. Të kanë mbetur {attempts} përpjekje.",
  incorrectOne: "Kod i pasaktë. Të ka mbetur 1 përpjekje.",
  incorrectResentMany:
    "Kod i pasaktë. Të dërguam një kod të ri. Të lutem, fute atë. Të kanë mbetur {attempts} përpjekje.",
  incorrectResentOne:
    "Kod i pasaktë. Të dërguam një kod të ri. Të lutem, fute atë. Të ka mbetur 1 përpjekje.",
  replaced:
    "Ky kod është zëvendësuar me një më të ri. Të lutem, fut kodin më të fundit që të dërguam.",
  cancelled:
    "Kod i pasaktë. Për siguri, verifikimi u anulua. Më shkruaj përsëri për të filluar nga e para.",
  expired: "Kodi ka skaduar. Të lutem, më shkruaj përsëri dhe do të të dërgoj një të ri.",
  malformed:
    "Kjo nuk duket si kod verifikimi. Të lutem, fut kodin me {length} shifra që të dërguam.",
  verified: "Identiteti u verifikua.",
  throttled: "Sapo u dërgua një kod. Të lutem, prit {seconds} sekonda dhe më shkruaj përsëri.",
  locked:
    "Për siguri, verifikimi për këtë profil është pezulluar. Të lutem, provo përsëri më vonë.",
  pending: "Të lutem, fut kodin e verifikimit që të dërguam.",
  notStarted:
    "Nuk ka asnjë verifikim në proces. Më thuaj identifikuesin tënd dhe do të të dërgoj një kod.",
  sessionExpired:
    "Seanca jote ka skaduar. Të lutem, verifiko përsëri identitetin tënd për të vazhduar.",
  sessionActive: "Identiteti yt është verifikuar.",
  sessionEnded: "Seanca jote përfundoi.",
  noChannel:
    "Nuk mund të dërgojmë një kod verifikimi: profili yt nuk ka numër telefoni as email. Të lutem, kontakto mbështetjen.",
};
