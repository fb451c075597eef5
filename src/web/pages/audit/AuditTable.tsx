/** Audit events, newest first. */
import type { AuditEventView } from '../../../shared/api.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import { useI18n } from '../../i18n/I18nProvider.js';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function AuditTable({ events, busy }: { events: readonly AuditEventView[]; busy: boolean }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-label={t('audit.tableLabel')} tabIndex={0}>
      <table className="table table--cards table--audit" aria-busy={busy}>
        <caption className="visually-hidden">{t('audit.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.seq')}</th>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.resource')}</th>
            <th scope="col">{t('audit.col.purpose')}</th>
            <th scope="col">{t('audit.col.changed')}</th>
            <th scope="col">{t('audit.col.request')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <th scope="row" className="cell-number" data-label={t('audit.col.seq')}>
                {event.seq}
              </th>
              <td className="cell-nowrap" data-label={t('audit.col.at')}>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </td>
              <td data-label={t('audit.col.actor')}>
                {event.actorUsername ??
                  (event.actorUserId ? <code>{event.actorUserId}</code> : t('audit.system'))}
                {(event.actorInstitutionCode || event.actorRole) && (
                  <span className="cell-secondary">
                    {[
                      event.actorInstitutionCode,
                      event.actorRole &&
                        (isRole(event.actorRole) ? t(`role.${event.actorRole}`) : event.actorRole),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </td>
              <td data-label={t('audit.col.action')}>
                <code className="cell-nowrap">{event.action}</code>
              </td>
              <td data-label={t('audit.col.outcome')}>
                <span className={`badge badge--${event.outcome}`}>{t(`outcome.${event.outcome}`)}</span>
              </td>
              <td data-label={t('audit.col.resource')}>
                {event.resourceType ?? t('common.none')}
                {event.resourceId && <code className="cell-secondary">{event.resourceId}</code>}
              </td>
              <td data-label={t('audit.col.purpose')}>{event.purpose ?? t('common.none')}</td>
              <td data-label={t('audit.col.changed')}>
                {event.changedFields.length > 0 ? event.changedFields.join(', ') : t('common.none')}
              </td>
              <td data-label={t('audit.col.request')}>
                {event.requestId ? <code className="cell-id">{event.requestId}</code> : t('common.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
