import { useNow } from '../hooks';

/** Time left on the stock reservation; at zero the server cancels the order as EXPIRED. */
export function ReservationCountdown({ reservedUntil }: { reservedUntil: string }) {
  const now = useNow();
  const left = Math.max(0, Math.floor((new Date(reservedUntil).getTime() - now) / 1000));
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');
  return (
    <p className={left < 60 ? 'countdown urgent' : 'countdown'} data-testid="reservation-countdown">
      {left > 0 ? (
        <>
          Reservamos tus unidades por{' '}
          <strong>
            <time dateTime={`PT${minutes}M${left % 60}S`}>
              {minutes}:{seconds}
            </time>
          </strong>{' '}
          más.
        </>
      ) : (
        'La reserva venció: el pedido se cancelará y las unidades vuelven al inventario.'
      )}
    </p>
  );
}
