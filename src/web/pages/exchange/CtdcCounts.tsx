/**
 * The counts of one imported CTDC file, one small table per variable. The figures are CTDC's own
 * published data, counted as they are (no suppression: they describe no person of ours).
 */
import * as api from '../../api-legacy.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { PlainKey } from '../../i18n/catalogue.js';
import { Section } from '../cases/Section.js';
import './exchange.css';

type Counts = Awaited<ReturnType<typeof api.getCtdcImportCounts>>;
type Variable = 'byYear' | 'byGender' | 'byExploitationType' | 'byAgeBroad' | 'byCitizenship';
const VARIABLES: Variable[] = ['byYear', 'byGender', 'byExploitationType', 'byAgeBroad', 'byCitizenship'];

export function CtdcCounts({ importId }: { importId: string }) {
  const { t, locale } = useI18n();
  const counts = useLoad(() => api.getCtdcImportCounts(importId), importId);
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'es-PY');
  // Codes with a label (gender, exploitation type, missing); years, ages and countries show as they are.
  const label = (key: string): string => {
    const messageKey = LABELS[key];
    return messageKey ? t(messageKey) : key;
  };

  if (counts.error) return <LoadError error={counts.error} onRetry={counts.reload} />;
  if (!counts.data) return <Loading />;
  const data: Counts = counts.data;
  return (
    <Section title={t('exchange.counts.title', { label: data.import.label })} testId="ctdc-counts">
      <p data-testid="ctdc-total">{t('exchange.counts.total', { total: number.format(data.total) })}</p>
      <div className="ctdc-counts">
        {VARIABLES.map((variable) => (
          <table className="table" key={variable} data-testid={`ctdc-${variable}`}>
            <caption>{t(`exchange.counts.${variable}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.counts.key')}</th>
                <th scope="col">{t('exchange.counts.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data[variable].map((row) => (
                <tr key={row.key}>
                  <th scope="row">{label(row.key)}</th>
                  <td className="cell-number">{number.format(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Section>
  );
}

const LABELS: Partial<Record<string, PlainKey>> = {
  missing: 'exchange.counts.missing',
  forcedLabour: 'exchange.counts.forcedLabour',
  sexualExploit: 'exchange.counts.sexualExploit',
  otherExploit: 'exchange.counts.otherExploit',
  Female: 'exchange.counts.Female',
  Male: 'exchange.counts.Male',
  TransgenderNonConforming: 'exchange.counts.TransgenderNonConforming',
  Unknown: 'exchange.counts.Unknown',
  ZZ: 'exchange.counts.ZZ',
};
