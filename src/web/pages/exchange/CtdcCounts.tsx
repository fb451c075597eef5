/**
 * The counts of one imported CTDC file, one small table per variable. The figures are CTDC's own
 * published data, counted as they are (no suppression: they describe no person of ours).
 */
import { getCtdcImportCounts } from '../../../shared/contracts/exchange.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { PlainKey } from '../../i18n/catalogue.js';
import { useApiQuery } from '../../queries.js';
import { Section } from '../cases/Section.js';
import './exchange.css';

type Variable = 'byYear' | 'byGender' | 'byExploitationType' | 'byAgeBroad' | 'byCitizenship';
const VARIABLES: Variable[] = ['byYear', 'byGender', 'byExploitationType', 'byAgeBroad', 'byCitizenship'];

export function CtdcCounts({ importId }: { importId: string }) {
  const { t, locale } = useI18n();
  const counts = useApiQuery(getCtdcImportCounts, { params: { id: importId } });
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'es-PY');
  // Codes with a label (gender, exploitation type, missing); years, ages and countries show as they are.
  const label = (key: string): string => {
    const messageKey = LABELS[key];
    return messageKey ? t(messageKey) : key;
  };

  return (
    <QueryState query={counts}>
      {(data) => (
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
      )}
    </QueryState>
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
