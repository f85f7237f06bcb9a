import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Malay. */
export const ms: ConversationMessages = {
  codeSentPhone:
    "Kami telah menghantar kod pengesahan ke nombor {destination} yang didaftarkan dalam profil anda. Sila masukkan kod tersebut (tamat tempoh dalam {minutes} minit).",
  codeSentEmail:
    "Kami telah menghantar kod pengesahan ke e-mel {destination} yang didaftarkan dalam profil anda. Sila masukkan kod tersebut (tamat tempoh dalam {minutes} minit).",
  codeSentGeneric:
    "Jika butiran sepadan dengan sesuatu rekod, kami telah menghantar kod pengesahan ke kenalan yang didaftarkan di dalamnya. Sila masukkan kod tersebut (tamat tempoh dalam {minutes} minit).",
  incorrectMany: "Kod salah. Anda masih ada {attempts} cubaan.",
  incorrectOne: "Kod salah. Anda masih ada 1 cubaan.",
  incorrectResentMany:
    "Kod salah. Kami telah menghantar kod baharu kepada anda. Sila masukkan kod baharu itu. Anda masih ada {attempts} cubaan.",
  incorrectResentOne:
    "Kod salah. Kami telah menghantar kod baharu kepada anda. Sila masukkan kod baharu itu. Anda masih ada 1 cubaan.",
  replaced:
    "Kod itu telah diganti dengan kod yang lebih baharu. Sila masukkan kod terkini yang kami hantar kepada anda.",
  cancelled:
    "Kod salah. Demi keselamatan, proses pengesahan telah dibatalkan. Hantar mesej kepada saya sekali lagi untuk bermula semula.",
  expired:
    "Kod telah tamat tempoh. Sila hantar mesej kepada saya sekali lagi dan saya akan menghantar kod baharu.",
  malformed:
    "Itu tidak kelihatan seperti kod pengesahan. Sila masukkan kod {length} digit yang kami hantar kepada anda.",
  verified: "Identiti disahkan.",
  throttled:
    "Kod baru sahaja dihantar. Sila tunggu {seconds} saat dan hantar mesej kepada saya sekali lagi.",
  locked: "Demi keselamatan, pengesahan untuk profil ini dijeda. Sila cuba lagi kemudian.",
  pending: "Sila masukkan kod pengesahan yang kami hantar kepada anda.",
  notStarted:
    "Tiada pengesahan yang sedang berjalan. Beritahu saya pengecam anda dan saya akan menghantar kod kepada anda.",
  sessionExpired:
    "Sesi anda telah tamat tempoh. Sila sahkan identiti anda sekali lagi untuk meneruskan.",
  sessionActive: "Identiti anda telah disahkan.",
  sessionEnded: "Sesi anda telah ditamatkan.",
  noChannel:
    "Kami tidak dapat menghantar kod pengesahan: profil anda tiada nombor telefon atau e-mel. Sila hubungi pihak sokongan.",
};
