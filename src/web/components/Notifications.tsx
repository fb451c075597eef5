/**
 * The shell's notifications: a button with the unread count that opens the user's notifications
 * (texts hold no personal data, only a referral's reference), each linking to its referral (a task's
 * to its case), and
 * "mark all as read". The count refreshes every minute, right after any change, and the list each time
 * the panel opens (what came since the last minute shows at once).
 */
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { listNotifications, markNotificationsRead } from '../../shared/contracts/notifications.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApiMutation, useApiQuery } from '../queries.js';
import { Modal } from './Modal.js';

/** How often the shell's counts (notifications, referrals waiting) are read again. */
export const REFRESH_MS = 60_000;

export function NotificationsButton() {
  const { t, formatDateTime } = useI18n();
  const query = useApiQuery(listNotifications, {}, { refetchInterval: REFRESH_MS });
  const list = query.data;
  const markAll = useApiMutation(markNotificationsRead);
  const [open, setOpen] = useState(false);
  const unread = list?.unread ?? 0;

  return (
    <>
      <button
        type="button"
        className="btn btn--on-dark notifications-button"
        onClick={() => {
          setOpen(true);
          void query.refetch();
        }}
        aria-label={`${t('notifications.button')}: ${t('nav.unread', { count: unread })}`}
        data-testid="notifications-button"
      >
        {t('notifications.button')}
        {unread > 0 && (
          <span className="badge" data-testid="notifications-unread">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <Modal title={t('notifications.title')} onClose={() => setOpen(false)}>
          {!list || list.items.length === 0 ? (
            <p className="empty">{t('notifications.none')}</p>
          ) : (
            <ul className="record-list" data-testid="notifications-list">
              {list.items.map((item) => (
                <li key={item.id} className={item.readAt ? 'record-item' : 'record-item record-item--unread'}>
                  <p className="record-item-title">
                    {item.resourceType === 'referral' ? (
                      <Link
                        to="/referrals/$id"
                        params={{ id: item.resourceId }}
                        onClick={() => setOpen(false)}
                      >
                        {item.text}
                      </Link>
                    ) : item.resourceType === 'task' ? (
                      // A task's notice opens the task's case (its plan), or the task list.
                      item.caseId ? (
                        <Link to="/cases/$id" params={{ id: item.caseId }} onClick={() => setOpen(false)}>
                          {item.text}
                        </Link>
                      ) : (
                        <Link to="/tasks" onClick={() => setOpen(false)}>
                          {item.text}
                        </Link>
                      )
                    ) : (
                      item.text
                    )}
                  </p>
                  <p className="record-item-meta">{formatDateTime(item.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            {unread > 0 && (
              <button
                type="button"
                className="btn"
                disabled={markAll.isPending}
                onClick={() => markAll.mutate({ body: { all: true } })}
              >
                {markAll.isPending ? t('action.working') : t('notifications.markAllRead')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t('action.close')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
