/**
 * Translated labels of catalogue values (detection methods, statuses, platforms…) for these pages,
 * from the shared value catalogue in i18n/values.ts. An unknown value shows as its code.
 */
import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';

export type ValueListName =
  | 'ASSESSMENTS'
  | 'CASE_PERSON_ROLES'
  | 'CASE_STATUSES'
  | 'CONTROL_METHODS'
  | 'DECISION_ORG_TYPES'
  | 'DETECTION_METHODS'
  | 'DOCUMENT_TYPES'
  | 'EVENT_TYPES'
  | 'EXPLOITATION_TYPES'
  | 'GENDERS'
  | 'ISIC_SECTIONS'
  | 'LANGUAGES'
  | 'PLATFORMS'
  | 'RECRUITER_RELATIONS'
  | 'RECRUITMENT_METHODS'
  | 'REFERRAL_STATES'
  | 'SERVICE_TYPES'
  | 'SEXES'
  | 'SEXUAL_EXPLOITATION_TYPES'
  | 'TRAFFICKING_STATUSES'
  | 'URGENCIES'
  | 'VULNERABILITY_FACTORS';

export type ValueLabel = (list: ValueListName, value: string) => string;

/** `label(list, value)` in the active language. */
export function useValueLabel(): ValueLabel {
  const { locale } = useI18n();
  return useCallback((list, value) => valueLabel(locale, list, value), [locale]);
}
