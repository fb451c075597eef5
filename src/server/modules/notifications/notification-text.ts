/**
 * The words of a notification, built at read (or send) time from its kind and the referral's
 * reference, in the reader's language. Nothing personal: no names, no case content.
 */
import type { Locale } from '../../../shared/roles.js';

import type { NotificationKind } from '../../../shared/api-notifications.js';

const TEXT: Record<NotificationKind, Record<Locale, string>> = {
  referral_created: {
    es: 'Tiene una nueva derivación {ref}.',
    gn: 'Oĩ peẽme derivación pyahu {ref}.',
    en: 'You have a new referral {ref}.',
  },
  referral_accepted: {
    es: 'La derivación {ref} fue aceptada.',
    gn: 'Derivación {ref} oñemoneĩ.',
    en: 'Referral {ref} was accepted.',
  },
  referral_declined: {
    es: 'La derivación {ref} fue rechazada.',
    gn: 'Derivación {ref} ojehejarei.',
    en: 'Referral {ref} was declined.',
  },
  referral_completed: {
    es: 'La derivación {ref} fue completada.',
    gn: 'Derivación {ref} oñemohu’ã.',
    en: 'Referral {ref} was completed.',
  },
  referral_closed: {
    es: 'La derivación {ref} fue cerrada.',
    gn: 'Derivación {ref} oñemboty.',
    en: 'Referral {ref} was closed.',
  },
  referral_withdrawn: {
    es: 'La derivación {ref} terminó: se retiró el consentimiento.',
    gn: 'Derivación {ref} opa: ojeipe’a pe moneĩ.',
    en: 'Referral {ref} ended: consent was withdrawn.',
  },
  referral_overdue: {
    es: 'La derivación {ref} está vencida.',
    gn: 'Derivación {ref} ohasáma ára.',
    en: 'Referral {ref} is overdue.',
  },
  break_glass_opened: {
    es: 'Se abrió un acceso de emergencia {ref} a un registro de su institución.',
    gn: 'Ojepe’a peteĩ jeike pya’e {ref} peteĩ kuatia pende institución mba’évape.',
    en: 'An emergency access {ref} was opened to a record of your institution.',
  },
  task_overdue: {
    es: 'La tarea {ref} está vencida.',
    gn: 'Tembiapo {ref} ohasáma ára.',
    en: 'Task {ref} is overdue.',
  },
};

const OPEN_APP: Record<Locale, string> = {
  es: 'Abra Ñandutí para verla.',
  gn: 'Eike Ñandutí-pe rehecha hag̃ua.',
  en: 'Open Ñandutí to see it.',
};

const SUBJECT: Record<Locale, string> = {
  es: 'Ñandutí: aviso de derivación',
  gn: 'Ñandutí: marandu derivación rehegua',
  en: 'Ñandutí: referral notice',
};

const PRIVACY_SUBJECT: Record<Locale, string> = {
  es: 'Ñandutí: acceso de emergencia',
  gn: 'Ñandutí: jeike pya’e',
  en: 'Ñandutí: emergency access',
};

const TASK_SUBJECT: Record<Locale, string> = {
  es: 'Ñandutí: tarea vencida',
  gn: 'Ñandutí: tembiapo ohasáma ára',
  en: 'Ñandutí: task overdue',
};

/** A referral's reference: a short, non-personal form of its id, the same on both sides. */
export function referralReference(referralId: string): string {
  return `DER-${referralId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** A break-glass use's reference (same form as a referral's). */
export function breakGlassReference(id: string): string {
  return `BG-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** The reference a notification of `kind` shows for its resource. */
export function referenceOf(kind: string, resourceId: string): string {
  if (kind.startsWith('break_glass')) return breakGlassReference(resourceId);
  return kind.startsWith('task_') ? taskReference(resourceId) : referralReference(resourceId);
}

function localeOr(locale: string): Locale {
  return locale === 'gn' || locale === 'en' ? locale : 'es';
}

/** A task's reference: a short, non-personal form of its id. */
export function taskReference(taskId: string): string {
  return `TAR-${taskId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

export function notificationText(kind: string, resourceId: string, locale: string): string {
  const texts = TEXT[kind as NotificationKind];
  const l = localeOr(locale);
  return texts ? texts[l].replace('{ref}', referenceOf(kind, resourceId)) : kind;
}

/** The e-mail: a subject and two lines, no personal data, no link to a record. */
export function notificationMail(kind: string, resourceId: string, locale: string, publicUrl: string) {
  const l = localeOr(locale);
  return {
    subject: kind.startsWith('break_glass')
      ? PRIVACY_SUBJECT[l]
      : kind.startsWith('task_')
        ? TASK_SUBJECT[l]
        : SUBJECT[l],
    text: `${notificationText(kind, resourceId, l)}\n${OPEN_APP[l]}\n${publicUrl}\n`,
  };
}
