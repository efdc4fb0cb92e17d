// An amount of CNY as text, e.g. ¥1,000.00 (shared/money formatMoney; never through a float).
import { Typography } from 'antd';
import { formatMoney } from '../money/money';

export function Money({ value, strong }: { value: string | null | undefined; strong?: boolean }) {
  // In tables a plain span (global.css), which renders the same and is much cheaper than antd's
  // Typography.Text; the latter only for bold amounts.
  if (!strong) return <span className="pc-money">{formatMoney(value, { symbol: true })}</span>;
  return (
    <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(value, { symbol: true })}
    </Typography.Text>
  );
}
