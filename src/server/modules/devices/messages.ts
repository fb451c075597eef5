/** Error messages of offline capture: devices and safe retries (docs/OFFLINE.md). */
export const offlineMessages = {
  idempotency_key_invalid: {
    es: 'La cabecera Idempotency-Key no es válida: use de 8 a 255 caracteres visibles, sin espacios.',
    gn: "Pe cabecera Idempotency-Key ndoikói: eipuru 8 guive 255 peve carácter ojehecháva, espacio'ỹre.",
    en: 'The Idempotency-Key header is not valid: use 8 to 255 visible characters, no spaces.',
  },
  idempotency_key_reused: {
    es: 'Esta clave Idempotency-Key ya se usó para otra solicitud. Use una clave nueva para cada operación.',
    gn: "Ko Idempotency-Key ojepuruma ambue mba'ejerurerã. Eipuru clave pyahu peteĩteĩ tembiapópe.",
    en: 'This Idempotency-Key was already used for a different request. Use a new key for each operation.',
  },
  idempotency_key_in_progress: {
    es: 'La primera solicitud con esta clave todavía se está procesando. Reintente en unos segundos.',
    gn: "Mba'ejerure peteĩha ko clave reheve oñembosako'i gueteri. Eha'ã jey sapy'ami rire.",
    en: 'The first request with this key is still being processed. Retry in a few seconds.',
  },
  device_revoked: {
    es: 'Este dispositivo fue revocado o venció por falta de conexión. Sus datos sin conexión se borran; vuelva a registrarlo.',
    gn: "Ko dispositivo ojejoko térã opa ndojoajúi rupi. Umi mba'ekuaarã conexión'ỹre oñembogue; eñemboheraguapy jey.",
    en: 'This device was revoked or expired without contact. Its offline data is wiped; register it again.',
  },
  device_secret_invalid: {
    es: 'Este dispositivo no es el registrado. Regístrelo de nuevo para trabajar sin conexión.',
    gn: "Ko dispositivo ndaha'éi pe oñemboheraguapýva. Eñemboheraguapy jey emba'apo hag̃ua conexión'ỹre.",
    en: 'This is not the registered device. Register it again to work offline.',
  },
  version_conflict: {
    es: 'Otra persona cambió este registro mientras usted trabajaba sin conexión. Compare los campos indicados y elija qué conservar.',
    gn: "Ambue tapicha omoambue ko registro emba'apo aja conexión'ỹre. Embojoja umi kuatia'i ojehechaukáva ha eiporavo mba'épa ejoko.",
    en: 'Someone else changed this record while you worked offline. Compare the fields shown and choose what to keep.',
  },
  field_changed_meanwhile: {
    es: 'Cambiado por otra persona después de su versión.',
    gn: 'Ambue tapicha omoambue nde versión rire.',
    en: 'Changed by someone else after your version.',
  },
  version_unknown: {
    es: 'La versión indicada no existe para este registro. Vuelva a cargarlo.',
    gn: 'Pe versión ojehaíva ndaipóri ko registro-pe. Emyenyhẽ jey.',
    en: 'The version given does not exist for this record. Load it again.',
  },
};
