/**
 * Labels that are names of products, the same in every language: the social and messaging
 * platforms of `PLATFORMS` (the generic ones, a dating or job site, are translated in each catalogue).
 */
import type { ValueKey } from './lists.js';

export const platformBrandLabels = {
  'value.PLATFORMS.Facebook': 'Facebook',
  'value.PLATFORMS.Instagram': 'Instagram',
  'value.PLATFORMS.WhatsApp': 'WhatsApp',
  'value.PLATFORMS.Telegram': 'Telegram',
  'value.PLATFORMS.Messenger': 'Messenger',
  'value.PLATFORMS.Viber': 'Viber',
  'value.PLATFORMS.Snapchat': 'Snapchat',
  'value.PLATFORMS.Line': 'Line',
  'value.PLATFORMS.TikTok': 'TikTok',
  'value.PLATFORMS.X': 'X (Twitter)',
} as const satisfies Partial<Record<ValueKey, string>>;
