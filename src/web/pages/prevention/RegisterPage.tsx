/**
 * A prevention register — trainings, campaigns, hotline contacts: the page titled and introduced by
 * the register's message family (`<family>.title`, `.intro`, `.new`, `.none`), the button that opens
 * the new record's dialog for whoever may record, the page's announcement of what the dialog saved,
 * the register's filters and its table.
 */
import type { ReactNode } from 'react';
import { DataTable, type DataTableProps, type ItemsOf } from '../../components/DataTable.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page, PageButton } from '../../components/Page.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import '../../styles/cases.css';

type Props<D, T> = Omit<DataTableProps<D, T>, 'label' | 'empty'> & {
  family: 'trainings' | 'campaigns' | 'hotline';
  /** Whether the user may record in this register (the server's permission). */
  mayRecord: boolean;
  filters?: ReactNode;
  /** The new record's dialog; `close(message)` announces what it saved. */
  dialog(close: (message?: string) => void): ReactNode;
};

export function RegisterPage<D, T = ItemsOf<D>>({
  family,
  mayRecord,
  filters,
  dialog,
  ...table
}: Props<D, T>) {
  const { t } = useI18n();
  const { dialog: open, open: openDialog, close, saved } = useDialog<'create'>();
  return (
    <Page
      title={t(`${family}.title`)}
      intro={t(`${family}.intro`)}
      actions={
        <PageButton show={mayRecord} label={t(`${family}.new`)} onClick={() => openDialog('create')} />
      }
    >
      <LiveRegion success={saved} />
      {filters}
      <DataTable<D, T> {...table} label={t(`${family}.title`)} empty={t(`${family}.none`)} />
      {open && dialog(close)}
    </Page>
  );
}
