import type { ConversationMessages } from "../messages.js";

/** Conversation replies: Dutch (informal "je"). */
export const nl: ConversationMessages = {
  codeSentPhone:
    "We hebben een verificatiecode gestuurd naar het nummer {destination} dat in je profiel staat. Voer de code in (hij verloopt over {minutes} minuten).",
  codeSentEmail:
    "We hebben een verificatiecode gestuurd naar het e-mailadres {destination} dat in je profiel staat. Voer de code in (hij verloopt over {minutes} minuten).",
  codeSentGeneric:
    "Als de gegevens bij een profiel passen, hebben we een verificatiecode gestuurd naar het contact dat daarin staat. Voer de code in (hij verloopt over {minutes} minuten).",
  incorrectMany: "Onjuiste code. Je hebt nog {attempts} pogingen.",
  incorrectOne: "Onjuiste code. Je hebt nog 1 poging.",
  incorrectResentMany:
    "Onjuiste code. We hebben je een nieuwe code gestuurd. Voer die in. Je hebt nog {attempts} pogingen.",
  incorrectResentOne:
    "Onjuiste code. We hebben je een nieuwe code gestuurd. Voer die in. Je hebt nog 1 poging.",
  replaced:
    "Die code is vervangen door een nieuwere. Voer de nieuwste code in die we je hebben gestuurd.",
  cancelled:
    "Onjuiste code. Voor je veiligheid is de verificatie geannuleerd. Stuur me opnieuw een bericht om opnieuw te beginnen.",
  expired: "De code is verlopen. Stuur me opnieuw een bericht, dan stuur ik je een nieuwe.",
  malformed:
    "Dat lijkt geen verificatiecode. Voer de {length}-cijferige code in die we je hebben gestuurd.",
  verified: "Identiteit geverifieerd.",
  throttled:
    "Er is zojuist een code verstuurd. Wacht {seconds} seconden en stuur me dan opnieuw een bericht.",
  locked:
    "Voor de veiligheid is de verificatie voor dit profiel gepauzeerd. Probeer het later opnieuw.",
  pending: "Voer de verificatiecode in die we je hebben gestuurd.",
  notStarted: "Er loopt geen verificatie. Geef me je identificatie en ik stuur je een code.",
  sessionExpired: "Je sessie is verlopen. Verifieer je identiteit opnieuw om verder te gaan.",
  sessionActive: "Je identiteit is geverifieerd.",
  sessionEnded: "Je sessie is beëindigd.",
  noChannel:
    "We kunnen geen verificatiecode sturen: je profiel heeft geen telefoonnummer of e-mailadres. Neem contact op met support.",
};
