import { useCallback, useEffect, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { MarkNotificationsReadMutation, NotificationAddedSubscription, NotificationsQuery } from '../operations/notifications';
import type { NotificationItemFragment } from '../gql/graphql';
import { Link } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Empty, ErrorState, Loading, UserErrors, describeError } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { formatDateTime } from '../lib/dates';
import { notificationKindLabel } from '../lib/labels';
import { UNREAD, countOf } from '../lib/plurals';
import { useLive, useRefetchOnReconnect } from '../hooks';
import { MoreButton } from './admin/AdminSection';

export function NotificationsPage() {
  return (
    <RequireSignIn>
      <PageHeading>Notificaciones</PageHeading>
      <Feed />
    </RequireSignIn>
  );
}

/**
 * The viewer's feed, newest first. Each new notification (notificationAdded, which the header's bell already
 * subscribes to) reads the first page again, which the cache merges above the pages already shown.
 */
function Feed() {
  const client = useClient();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: NotificationsQuery, variables: { after } });
  const refresh = useCallback(() => void client.query(NotificationsQuery, { after: null }, { requestPolicy: 'network-only' }).toPromise(), [client]);
  useRefetchOnReconnect(refresh);
  const added = useLive(NotificationAddedSubscription, {}).data?.notificationAdded;
  useEffect(() => {
    if (added) refresh();
  }, [added, refresh]);
  const [marking, markRead] = useMutation(MarkNotificationsReadMutation);
  if (!data && fetching) return <Loading label="Cargando tus notificaciones…" />;
  if (!data?.me) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { unreadNotificationCount: unread, notifications } = data.me;
  return (
    <>
      <div className="actions">
        <p className="result-count" data-testid="unread-count" data-unread={unread}>
          {unread ? countOf(unread, UNREAD) : 'Todas leídas'}
        </p>
        <button type="button" className="button secondary" disabled={!unread || marking.fetching} onClick={() => void markRead({})}>
          Marcar todas como leídas
        </button>
      </div>
      <UserErrors errors={marking.data?.markNotificationsRead.errors} />
      {marking.error && <p role="alert" className="field-error">{describeError(marking.error)}</p>}
      {notifications.edges.length === 0 ? (
        <Empty>
          <p>No tienes notificaciones todavía. Aquí te contaremos cómo van tus pedidos y tus tickets de soporte.</p>
        </Empty>
      ) : (
        <ul className="plain notification-list" aria-label="Notificaciones, las más recientes primero">
          {notifications.edges.map(({ node }) => (
            <NotificationEntry key={node.id} notification={node} busy={marking.fetching} onRead={() => markRead({ ids: [node.id] })} />
          ))}
        </ul>
      )}
      <MoreButton pageInfo={notifications.pageInfo} busy={fetching} onMore={setAfter} label="Ver más notificaciones" />
    </>
  );
}

function NotificationEntry({ notification, busy, onRead }: { notification: NotificationItemFragment; busy: boolean; onRead: () => Promise<unknown> }) {
  const { id, kind, title, body, link, read, createdAt } = notification;
  return (
    <li className={`notification${read ? '' : ' unread'}`} data-testid="notification" data-kind={kind} data-read={read} data-id={id}>
      <p className="notification-kind">
        {!read && <span className="unread-dot" aria-hidden="true" />}
        <strong>{notificationKindLabel[kind]}</strong>
        {!read && <span className="visually-hidden"> (sin leer)</span>}
        {' · '}
        <time className="muted" dateTime={createdAt}>
          {formatDateTime(createdAt)}
        </time>
      </p>
      <p className="notification-title">
        {title}
      </p>
      <p className="notification-body muted">
        {body}
      </p>
      <div className="actions">
        {link && (
          <Link
            to={link}
            onClick={() => {
              // Opening it reads it; the mutation finishes (and the bell's count falls) while the next page loads.
              if (!read) void onRead();
            }}
          >
            Ver detalles
          </Link>
        )}
        {!read && (
          <button type="button" className="button link" disabled={busy} onClick={() => void onRead()}>
            Marcar como leída
          </button>
        )}
      </div>
    </li>
  );
}
