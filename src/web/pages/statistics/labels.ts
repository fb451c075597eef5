/** Labels of statistics codes (figures, dimensions, values) in the interface language. */
import type { DimensionId, FigureId } from '../../../shared/api-statistics.js';
import type { Locale } from '../../../shared/roles.js';
import { departmentName } from '../../departments.js';
import { countryName } from '../cases/format.js';
import type { MessageKey, Translate } from '../../i18n/catalogue.js';
import { preventionLabel } from '../../i18n/prevention/values.js';
import { valueLabel, type ValueListName } from '../../i18n/values.js';

const LISTS: Partial<Record<DimensionId, ValueListName>> = {
  sex: 'SEXES',
  exploitation: 'EXPLOITATION_TYPES',
  platform: 'PLATFORMS',
  serviceType: 'SERVICE_TYPES',
  referralState: 'REFERRAL_STATES',
  unmetReason: 'UNMET_REASONS',
  decisionOrg: 'DECISION_ORG_TYPES',
};

export const figureLabel = (t: Translate, figure: FigureId) =>
  t(`stats.figure.${figure}` as MessageKey as never);
export const dimensionLabel = (t: Translate, dimension: DimensionId) =>
  t(`stats.dim.${dimension}` as MessageKey as never);

/** The label of one value of a dimension. */
export function keyLabel(t: Translate, locale: Locale, dimension: DimensionId, key: string): string {
  if (key === 'Unknown') return t('stats.unknown');
  if (dimension === 'department') return departmentName(key);
  if (dimension === 'sentenceBand' && key === 'none') return t('stats.sentenceBand.none');
  if (dimension === 'sentenceBand' && key === 'suspended') return t('stats.sentenceBand.suspended');
  if (dimension === 'scope') return t(`stats.scope.${key}` as MessageKey as never);
  if (dimension === 'hotlineChannel') return preventionLabel(locale, 'HOTLINE_CHANNELS', key);
  if (dimension === 'cooperationKind') return t(`prosecution.cooperation.${key}` as MessageKey as never);
  if (dimension === 'nationality') return countryName(locale, key);
  // Training participants are counted as women, men and "other or not stated".
  if (dimension === 'sex' && key === 'Unspecified') return preventionLabel(locale, 'PARTICIPANT_SEXES', key);
  if (dimension === 'ageGroup' || dimension === 'ict')
    return t(`stats.${dimension}.${key}` as MessageKey as never);
  const list = LISTS[dimension];
  return list ? valueLabel(locale, list, key) : key;
}
