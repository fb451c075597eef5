/** Institutions and their units: the list, and forms to add either when permitted. */
import type { InstitutionView } from '../../../shared/api.js';
import { listInstitutions } from '../../../shared/contracts/institutions.js';
import { Table } from '../../components/DataTable.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { useApiQuery } from '../../queries.js';
import { departmentName } from '../../departments.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { InstitutionCreateDialog } from './InstitutionCreateDialog.js';
import { kindLabel } from './kinds.js';
import { UnitCreateDialog } from './UnitCreateDialog.js';

type Dialog = { kind: 'institution' } | { kind: 'unit'; institution: InstitutionView };

export function InstitutionsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useApiQuery(listInstitutions, {});
  const { dialog, open: setDialog, close: closeDialog, saved } = useDialog<Dialog>();

  return (
    <Page
      title={t('institutions.title')}
      actions={
        can('institution.create') && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => setDialog({ kind: 'institution' })}
          >
            {t('institutions.new')}
          </button>
        )
      }
    >
      <LiveRegion success={saved} />
      <QueryState query={list} empty={t('institutions.none')}>
        {(data) => (
          <ul className="institution-list">
            {data.items.map((institution) => (
              <li key={institution.id}>
                <InstitutionCard
                  institution={institution}
                  onAddUnit={can('unit.create') ? () => setDialog({ kind: 'unit', institution }) : null}
                />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {dialog?.kind === 'institution' && (
        <InstitutionCreateDialog
          onClose={(code) => closeDialog(code ? t('institutions.created', { code }) : undefined)}
        />
      )}
      {dialog?.kind === 'unit' && (
        <UnitCreateDialog
          institution={dialog.institution}
          onClose={(code) => closeDialog(code ? t('institutions.unitCreated', { code }) : undefined)}
        />
      )}
    </Page>
  );
}

function InstitutionCard({
  institution,
  onAddUnit,
}: {
  institution: InstitutionView;
  onAddUnit: (() => void) | null;
}) {
  const { t } = useI18n();
  const headingId = `institution-${institution.id}`;
  return (
    <article className="panel institution" aria-labelledby={headingId}>
      <div className="institution-head">
        <div>
          <h2 id={headingId}>
            {institution.name} <span className="code-tag">{institution.code}</span>
          </h2>
          <p className="muted">{kindLabel(institution.kind, t)}</p>
        </div>
        {onAddUnit && (
          <button
            type="button"
            className="btn btn--small"
            onClick={onAddUnit}
            aria-label={`${t('institutions.addUnit')}: ${institution.code}`}
          >
            {t('institutions.addUnit')}
          </button>
        )}
      </div>
      <h3>{t('institutions.units')}</h3>
      {institution.units.length === 0 ? (
        <p className="muted">{t('institutions.noUnits')}</p>
      ) : (
        <Table
          rows={institution.units}
          rowKey={(unit) => unit.id}
          label={`${t('institutions.units')}: ${institution.code}`}
          caption={false}
          className="table table--compact"
          rowHeads={false}
          columns={[
            { header: t('institutions.code'), cell: (unit) => <code>{unit.code}</code> },
            { header: t('institutions.unitName'), cell: (unit) => unit.name },
            {
              header: t('institutions.department'),
              cell: (unit) =>
                unit.department ? departmentName(unit.department) : t('institutions.noDepartment'),
            },
          ]}
        />
      )}
    </article>
  );
}
