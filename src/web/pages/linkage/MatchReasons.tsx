/**
 * Why two records may be the same person, field by field: each comparison the engine made (names,
 * birth or estimated age, document, place…) with its level ("nickname", "estimated age interval
 * overlaps") and its grade (agree / close / differ), never a value of either record. Shown by the
 * intake warning and the review list, from the levels the API returns.
 */
import type { z } from 'zod';
import type { ComparisonLevel } from '../../../shared/api-linkage.js';
import type { PlainKey } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { linkageEs } from '../../i18n/linkage/es.js';

type Level = z.output<typeof ComparisonLevel>;

/** The catalogue key of an engine label: `linkage.level.<comparison>.<label>`, when translated. */
function key(prefix: string, ...parts: string[]): PlainKey | null {
  const k = [prefix, ...parts].join('.');
  return k in linkageEs ? (k as PlainKey) : null;
}

export function MatchReasons({ levels }: { levels: readonly Level[] }) {
  const { t } = useI18n();
  if (levels.length === 0) return null;
  const say = (k: PlainKey | null, fallback: string) => (k ? t(k) : fallback);
  return (
    <div className="match-reasons">
      <p className="match-reasons-title">{t('linkage.reasons.title')}</p>
      <ul data-testid="match-reasons">
        {levels.map((l) => (
          <li key={l.comparison} className={`match-reason match-reason--${l.grade}`}>
            <span className="match-reason-grade" aria-hidden="true">
              {l.grade === 'agree' ? '✓' : l.grade === 'close' ? '≈' : '✗'}
            </span>
            <span className="match-reason-field">
              {say(key('linkage.field', l.comparison), l.comparison)}:
            </span>{' '}
            <span>{say(key('linkage.level', l.comparison, l.level), t(`linkage.grade.${l.grade}`))}</span>
            <span className="visually-hidden"> ({t(`linkage.grade.${l.grade}`)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
