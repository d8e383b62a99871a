import { formatMoney, type MoneyLike } from '../lib/money';

export function Price({ money, className }: { money: MoneyLike; className?: string }) {
  return (
    <span className={className ?? 'price'} data-amount={money.amount} data-currency={money.currency}>
      {formatMoney(money)}
    </span>
  );
}
