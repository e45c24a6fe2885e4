/**
 * The notices of the signed-in user (GET /api/notifications), behind a bell in the app's header: the
 * count of unread ones, and the latest twenty; opening one marks it read and goes to what it is about.
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/i18n.tsx';
import { LoadError } from '../../app/ui.tsx';
import { useCertificateText } from '../certificates/index.ts';
import { useDeliveryText } from './delivery-text.ts';
import './notifications.css';

const BASE = '/admin';

export function NotificationsBell() {
  const text = useCertificateText();
  const noticeText = useDeliveryText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const notices = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get('/api/notifications', { query: { pageSize: 20 } }),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[] | 'all') => api.post('/api/notifications/read', { body: { ids } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const unread = notices.data?.unread ?? 0;
  function openNotice(notice: { id: string; link: string | null; readAt: unknown }) {
    if (!notice.readAt) markRead.mutate([notice.id]);
    setOpen(false);
    if (notice.link) {
      // Links are back-office paths (/admin/…); inside the app the router takes them without reloading.
      if (notice.link.startsWith(`${BASE}/`)) void navigate({ to: notice.link.slice(BASE.length) as never });
      else window.location.assign(notice.link);
    }
  }

  return (
    <div className="notifications" ref={panel}>
      <button
        type="button"
        className="button button-ghost notifications-toggle"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={text('notifications.open', { count: unread })}
        onClick={() => setOpen((value) => !value)}
        data-testid="notifications-toggle"
      >
        {/* Drawn, not an emoji: phones and servers without an emoji font would show a box. */}
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="notifications-count" data-testid="notifications-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div id="notifications-panel" className="notifications-panel card" role="region" aria-label={text('notifications.title')} data-testid="notifications-panel">
          <div className="notifications-head">
            <strong>{text('notifications.title')}</strong>
            {unread > 0 && (
              <button type="button" className="button button-small" onClick={() => markRead.mutate('all')} data-testid="notifications-read-all">
                {text('notifications.markAll')}
              </button>
            )}
          </div>
          {notices.isError ? (
            <LoadError error={notices.error} retry={() => void notices.refetch()} />
          ) : !notices.data || notices.data.items.length === 0 ? (
            <p className="empty">{text('notifications.none')}</p>
          ) : (
            <ul className="notifications-list">
              {notices.data.items.map((notice) => (
                <li key={notice.id} className={notice.readAt ? 'notice-read' : 'notice-unread'} data-testid="notification">
                  <button type="button" className="notice-button" onClick={() => openNotice(notice)}>
                    <span className="notice-title">{notice.title}</span>
                    {notice.body && <span className="notice-body">{notice.body}</span>}
                    <span className="notice-time">{formatDateTime(notice.createdAt)}</span>
                    {notice.deliveries.length > 0 && (
                      <span className="notice-deliveries" data-testid="notification-deliveries">
                        {notice.deliveries.map((delivery) => `${noticeText(`channel.${delivery.channel}`)}: ${noticeText(`status.${delivery.status}`).toLowerCase()}`).join(' · ')}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
