/** Error messages of record linkage, per stable code, in Spanish, Guaraní and English (merged in http/messages.ts). */
import type { Locale } from '../../../shared/roles.js';

export const linkageMessages = {
  review_already_decided: {
    es: 'Esta revisión ya fue decidida. Actualice la lista de revisiones pendientes.',
    gn: 'Ko jehecha jey oñemohu’ãmava. Embopyahu umi jehecha jey oha’arõva rysýi.',
    en: 'This review was already decided. Refresh the list of pending reviews.',
  },
} satisfies Record<string, Record<Locale, string>>;
