/** Audit events, newest first. */
import type { AuditEventView } from '../../../shared/api.js';
import {
  ACTION_NAMES,
  AUDIT_EVENTS,
  AUDIT_RESOURCE_TYPES,
  type AuditResourceType,
  PURPOSES,
  type AuditAction,
  type Purpose,
} from '../../../shared/actions.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import { auditFieldKey } from '../../../shared/audit-fields/lists.js';
import { Table, type Column } from '../../components/DataTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const AUDIT_ACTIONS: readonly string[] = [...ACTION_NAMES, ...AUDIT_EVENTS];
function isAuditAction(value: string): value is AuditAction {
  return AUDIT_ACTIONS.includes(value);
}
function isResourceType(value: string): value is AuditResourceType {
  return (AUDIT_RESOURCE_TYPES as readonly string[]).includes(value);
}
function isPurpose(value: string): value is Purpose {
  return (PURPOSES as readonly string[]).includes(value);
}

/**
 * The changed fields of a row in the reader's language ("Primer apellido", "Formato: htcds2.0"); an
 * older row's name outside the list (src/shared/audit-fields) as it is.
 */
function fieldLabels(names: readonly string[], t: ReturnType<typeof useI18n>['t']): string {
  return names
    .map((name) => {
      const known = auditFieldKey(name);
      if (!known) return name;
      return known.value === null ? t(known.key) : `${t(known.key)}: ${known.value}`;
    })
    .join(', ');
}

export function AuditTable({ events, busy }: { events: readonly AuditEventView[]; busy: boolean }) {
  const { t, formatDateTime } = useI18n();
  const none = t('common.none');
  const columns: Column<AuditEventView>[] = [
    { header: t('audit.col.seq'), cell: (event) => event.seq, className: 'cell-number', cardLabel: true },
    {
      header: t('audit.col.at'),
      cell: (event) => <time dateTime={event.at}>{formatDateTime(event.at)}</time>,
      className: 'cell-nowrap',
    },
    {
      header: t('audit.col.actor'),
      cell: (event) => (
        <>
          {event.actorUsername ?? (event.actorUserId ? <code>{event.actorUserId}</code> : t('audit.system'))}
          {(event.actorInstitutionCode || event.actorRole) && (
            <span className="cell-secondary">
              {[
                event.actorInstitutionCode,
                event.actorRole && (isRole(event.actorRole) ? t(`role.${event.actorRole}`) : event.actorRole),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          )}
        </>
      ),
    },
    {
      header: t('audit.col.action'),
      // What the action means in the reader's language; its code below (what the filter takes).
      cell: (event) => (
        <>
          {isAuditAction(event.action) ? t(`auditAction.${event.action}`) : event.action}
          <code className="cell-secondary cell-nowrap">{event.action}</code>
        </>
      ),
    },
    {
      header: t('audit.col.outcome'),
      cell: (event) => (
        <span className={`badge badge--${event.outcome}`}>{t(`outcome.${event.outcome}`)}</span>
      ),
    },
    {
      header: t('audit.col.resource'),
      cell: (event) => (
        <>
          {/* The kind in the reader's language, its code below (what the filter takes); an older row's
              code outside the list as it is. */}
          {event.resourceType
            ? isResourceType(event.resourceType)
              ? t(`auditResource.${event.resourceType}`)
              : event.resourceType
            : none}
          {event.resourceType && isResourceType(event.resourceType) && (
            <code className="cell-secondary cell-nowrap">{event.resourceType}</code>
          )}
          {event.resourceId && <code className="cell-secondary">{event.resourceId}</code>}
        </>
      ),
    },
    {
      header: t('audit.col.purpose'),
      cell: (event) =>
        event.purpose
          ? isPurpose(event.purpose)
            ? t(`privacy.purpose.${event.purpose}`)
            : event.purpose
          : none,
    },
    {
      header: t('audit.col.changed'),
      cell: (event) => (event.changedFields.length > 0 ? fieldLabels(event.changedFields, t) : none),
    },
    {
      header: t('audit.col.request'),
      cell: (event) => (event.requestId ? <code className="cell-id">{event.requestId}</code> : none),
    },
  ];
  return (
    <Table
      rows={events}
      rowKey={(event) => event.seq}
      columns={columns}
      label={t('audit.tableLabel')}
      className="table table--cards table--audit"
      busy={busy}
    />
  );
}
