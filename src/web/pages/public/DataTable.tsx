/**
 * An accessible table of a statistics table: row headers, column headers, totals; hidden cells said
 * in words and set apart in grey italics, so a true zero ("0") never looks like one.
 */
import type { PublicTable } from '../../../shared/api-statistics.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { intlLocale } from '../../i18n/catalogue.js';

interface Props {
  table: PublicTable;
  caption: string;
  rowLabel: (key: string) => string;
  colLabel: (key: string) => string;
}

/** A number cell's classes: a hidden one set apart. */
function numberClass(value: number | null): string {
  return value === null ? 'cell-number cell-suppressed' : 'cell-number';
}

export function DataTable({ table, caption, rowLabel, colLabel }: Props) {
  const { t, locale } = useI18n();
  const format = (value: number | null) =>
    value === null ? t('public.suppressed') : value.toLocaleString(intlLocale(locale));
  const series = table.colDimension === null;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table" data-testid={`table-${table.id}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {series ? (
              <th scope="col">{t('public.persons')}</th>
            ) : (
              table.colKeys.map((key) => (
                <th scope="col" key={key}>
                  {colLabel(key)}
                </th>
              ))
            )}
            {!series && <th scope="col">{t('public.total')}</th>}
          </tr>
        </thead>
        <tbody>
          {table.rowKeys.map((key, r) => (
            <tr key={key}>
              <th scope="row">{rowLabel(key)}</th>
              {table.cells[r]!.map((value, c) => (
                <td key={c} className={numberClass(value)}>
                  {format(value)}
                </td>
              ))}
              {!series && (
                <td className={numberClass(table.rowTotals[r] ?? null)}>
                  {format(table.rowTotals[r] ?? null)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        {!table.multiValued && (
          <tfoot>
            <tr>
              <th scope="row">{t('public.total')}</th>
              {!series &&
                table.colTotals.map((value, c) => (
                  <td key={c} className={numberClass(value)}>
                    {format(value)}
                  </td>
                ))}
              <td className="cell-number">{format(table.total)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
