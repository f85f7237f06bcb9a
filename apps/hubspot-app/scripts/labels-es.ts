import type { LocaleLabels } from "./label-types.js";

// Spanish texts of the three workflow actions, in HubSpot's own Spanish terms ("negocio" for
// deal, "propiedad", "workflow"). Same keys as labels-en.ts; a missing one fails to compile.

/** The Spanish labels, descriptions and execution-rule messages. */
export const LABELS_ES: LocaleLabels = {
  appDisplayName: "otpkit",
  generate: {
    actionName: "Generar OTP",
    actionDescription:
      "Crea un código de un solo uso para el contacto inscrito (o el propietario o aprobador de un negocio) y lo envía por correo electrónico o WhatsApp, según la configuración de la app.",
    actionCardContent: "Generar un OTP ({{delivery}})",
    inputs: {
      email_property: {
        label: "Propiedad de correo electrónico",
        description:
          "Nombre interno de la propiedad del contacto con la dirección de correo. Vacío: email.",
      },
      phone_property: {
        label: "Propiedad de teléfono",
        description:
          "Nombre interno de la propiedad del contacto con el número móvil (WhatsApp). Vacío: mobilephone y después phone.",
      },
      language_property: {
        label: "Propiedad de idioma",
        description:
          "Nombre interno de la propiedad del contacto con el idioma del correo. Vacío: hs_language.",
      },
      delivery: {
        label: "Envío",
        description:
          "Cómo llega el código a la persona. Automático usa los canales activados en la configuración de la app.",
      },
      override_settings: {
        label: "Sustituir la configuración de la app",
        description:
          "Usa en este paso la longitud, la caducidad y el tipo de código de abajo en lugar de la configuración de la app.",
      },
      code_length: {
        label: "Longitud del código",
        description: "Caracteres del código (con Sustituir la configuración de la app).",
      },
      expiry_minutes: {
        label: "Caduca a los",
        description:
          "Minutos que el código es válido (con Sustituir la configuración de la app). Más de 10 minutos solo si la configuración permite caducidades largas.",
      },
      code_type: {
        label: "Tipo de código",
        description: "Qué caracteres usa el código (con Sustituir la configuración de la app).",
      },
      approver_email: {
        label: "Correo del aprobador (negocios)",
        description:
          "Workflows de negocios: quién recibe el código. Vacío: el propietario del negocio.",
      },
    },
    options: {
      delivery: {
        auto: "Automático (los canales activados en la configuración)",
        email: "Correo electrónico",
        whatsapp: "WhatsApp",
        none: "No enviar (solo tarjeta y propiedad)",
      },
      codeLength: { "4": "4 caracteres", "6": "6 caracteres", "8": "8 caracteres" },
      expiryMinutes: {
        "5": "5 minutos",
        "10": "10 minutos",
        "15": "15 minutos",
        "30": "30 minutos",
        "60": "60 minutos",
      },
      codeType: {
        numeric: "Dígitos (0-9)",
        alphanumeric: "Letras y dígitos (sin I, O, 0, 1)",
        alpha: "Solo letras (sin I, O)",
      },
    },
    outputs: {
      otp_status: "Estado del OTP",
      otp_expires_at: "Caducidad del OTP",
      otp_channel: "Canal del OTP",
      otp_destination: "OTP enviado a (enmascarado)",
      otp_error: "Error del OTP",
    },
    rules: {
      sent: "Código enviado por {{otp_channel}} a {{otp_destination}}.",
      kept: "Código generado y no enviado: consúltalo en la tarjeta del contacto (o en la propiedad del código).",
      contact_not_found: "El contacto ya no existe.",
      deal_not_found: "El negocio ya no existe.",
      no_email:
        "El contacto no tiene una dirección de correo válida: añade una o elige otro envío.",
      no_phone:
        "No hay un número de teléfono válido para WhatsApp: añade un móvil o elige otro envío.",
      no_recipient: "El contacto no tiene ni dirección de correo ni número de teléfono.",
      phone_not_a_number: "La propiedad de teléfono no contiene un número de teléfono.",
      phone_unknown_country:
        "El número no tiene prefijo internacional y el portal no tiene país predeterminado: escríbelo como +<prefijo>.",
      phone_not_possible: "El número de teléfono no tiene la longitud correcta para su país.",
      phone_invalid: "El número de teléfono no es un número válido de su país.",
      country_not_allowed:
        "Este servidor no envía códigos a números de teléfono de este país: usa el envío por correo o consulta al operador del servidor.",
      invalid_approver_email: "El campo Correo del aprobador no es una dirección de correo.",
      no_owner: "El negocio no tiene propietario: asigna uno o rellena el correo del aprobador.",
      owner_no_email: "El propietario del negocio no tiene dirección de correo.",
      expiry_not_allowed:
        "Las caducidades de más de 10 minutos están desactivadas en la configuración: elige 10 minutos o menos, o permite caducidades largas.",
      code_too_weak:
        "Esta longitud y este tipo de código son demasiado débiles: elige un código más largo o permite códigos débiles en la configuración.",
      no_channel: "El canal de envío elegido está desactivado en la configuración de la app.",
      no_delivery:
        "Nada enviaría ni guardaría el código: activa un canal o el guardado en una propiedad en la configuración.",
      delivery_failed: "Ningún canal pudo entregar el código; no hay ningún código activo.",
      crm_rejected:
        "HubSpot rechazó la lectura del registro: comprueba que la app sigue instalada con sus permisos.",
      idempotency_conflict: "HubSpot reintentó este paso con otros datos; vale el primer intento.",
      cooldown: "Se envió un código hace unos instantes: espera antes de enviar otro.",
      max_sends:
        "Se enviaron demasiados códigos para este registro: espera a que termine el periodo.",
      locked: "Bloqueado tras demasiados códigos incorrectos.",
    },
  },
  verify: {
    actionName: "Verificar OTP",
    actionDescription:
      "Comprueba el código que introdujo la persona con el código activo del registro. Ramifica según Resultado del OTP.",
    actionCardContent: "Verificar el código de {{submitted_code}}",
    inputs: {
      submitted_code: {
        label: "Código introducido",
        description:
          "El código que introdujo la persona: normalmente una propiedad del contacto que rellena un formulario, o un valor fijo.",
      },
    },
    outputs: {
      otp_result: "Resultado del OTP",
      otp_attempts_remaining: "Intentos restantes del OTP",
      otp_locked_until: "OTP bloqueado hasta",
    },
    rules: {
      verified: "Código verificado.",
      invalid: "Código incorrecto; quedan {{otp_attempts_remaining}} intentos.",
      exhausted: "Código incorrecto y sin intentos: este código ya no sirve.",
      expired: "El código ha caducado.",
      locked: "Bloqueado tras demasiados códigos incorrectos.",
      not_found: "No hay ningún código activo para este registro: genera uno primero.",
      malformed: "El valor introducido no puede ser un código (longitud o caracteres incorrectos).",
    },
  },
  wait: {
    actionName: "Esperar la verificación",
    actionDescription:
      "Retiene la inscripción hasta que el registro verifica su código (página de verificación, Verificar OTP o la tarjeta del contacto) o termina la espera. Ramifica según Resultado del OTP.",
    actionCardContent: "Esperar la verificación ({{expiration_duration}})",
    inputs: {
      expiration_duration: {
        label: "Esperar como máximo",
        description:
          "Minutos (45) o una duración ISO-8601 (PT30M, PT2H, P1D), de 1 minuto a 7 días. Vacío: 30 minutos.",
      },
    },
    outputs: { otp_result: "Resultado del OTP" },
    rules: {
      verified: "El registro verificó su código.",
      expired: "La espera terminó sin verificación.",
    },
  },
};
