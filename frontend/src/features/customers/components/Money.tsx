import { Typography } from 'antd';

/** A Decimal string in CNY, e.g. ¥1,000.00; the string is never turned into a float. */
export function formatMoney(value: string | null | undefined): string {
  if (value == null || value === '') return '-';
  const negative = value.startsWith('-');
  const [int, dec = '00'] = value.replace(/^-/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${(dec + '00').slice(0, 2)}`;
}

export function Money({ value, strong }: { value: string | null | undefined; strong?: boolean }) {
  // In tables a plain span (global.css), which renders the same and is much cheaper than antd's
  // Typography.Text; the latter only for bold amounts.
  if (!strong) return <span className="pc-money">{formatMoney(value)}</span>;
  return (
    <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(value)}
    </Typography.Text>
  );
}
