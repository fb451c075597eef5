/**
 * The shell's notifications: a button with the unread count that opens the user's notifications
 * (texts hold no personal data, only a referral's reference), each linking to its referral, and
 * "mark all as read". The count refreshes on every page change and every minute.
 */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { NotificationList } from '../../shared/api-notifications.js';
import * as api from '../api-legacy.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link, useLocation } from '@tanstack/react-router';
import { Modal } from './Modal.js';

type List = z.output<typeof NotificationList>;
const REFRESH_MS = 60_000;

/** Reloads `load` on every page change and every minute; failures keep the last value. */
export function usePolled<T>(load: () => Promise<T>, enabled: boolean): [T | null, () => void] {
  const path = useLocation({ select: (location) => location.pathname });
  const [value, setValue] = useState<T | null>(null);
  const refresh = useCallback(() => {
    if (!enabled) return;
    load().then(setValue, (error: unknown) => console.warn('refresh failed', error));
  }, [load, enabled]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, path]);
  return [value, refresh];
}

export function NotificationsButton() {
  const { t, formatDateTime } = useI18n();
  const [list, refresh] = usePolled<List>(api.listNotifications, true);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const unread = list?.unread ?? 0;

  async function markAll() {
    setPending(true);
    try {
      await api.markAllNotificationsRead();
      refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--on-dark notifications-button"
        onClick={() => setOpen(true)}
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
                    <Link to="/referrals/$id" params={{ id: item.resourceId }} onClick={() => setOpen(false)}>
                      {item.text}
                    </Link>
                  </p>
                  <p className="record-item-meta">{formatDateTime(item.createdAt)}</p>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            {unread > 0 && (
              <button type="button" className="btn" disabled={pending} onClick={markAll}>
                {pending ? t('action.working') : t('notifications.markAllRead')}
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
