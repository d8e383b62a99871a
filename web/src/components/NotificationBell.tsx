import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { NotificationAddedSubscription, UnreadNotificationCountQuery } from '../operations/notifications';
import { Link } from '../app/router';
import { useLive, useRefetchOnReconnect } from '../hooks';
import { UNREAD, countOf } from '../lib/plurals';

/**
 * The header's bell for a signed-in viewer: the unread count, kept live by notificationAdded (the cache raises it,
 * see app/cache.ts) and by markNotificationsRead's answer. A rise is announced politely to screen readers.
 */
export function NotificationBell() {
  const [{ data }, refetch] = useQuery({ query: UnreadNotificationCountQuery });
  useLive(NotificationAddedSubscription, {});
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(refresh);
  const count = data?.me?.unreadNotificationCount ?? 0;
  const announcement = useRiseAnnouncement(data?.me ? count : null);
  const label = count ? `Notificaciones: ${countOf(count, UNREAD)}` : 'Notificaciones';
  return (
    <>
      <Link to="/notifications" className="bell" data-testid="notification-bell" data-unread={count} aria-label={label} title={label}>
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {count > 0 && (
          <span className="count-pill" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="notification-announcement">
        {announcement}
      </span>
    </>
  );
}

/** "2 notificaciones sin leer" when the count goes up after the first answer; nothing on load or when it falls. */
function useRiseAnnouncement(count: number | null): string {
  const previous = useRef<number | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (count === null) return;
    if (previous.current !== null && count > previous.current) setText(`Tienes ${countOf(count, UNREAD)}.`);
    previous.current = count;
  }, [count]);
  return text;
}
