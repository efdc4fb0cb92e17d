// A table of quotas (额度): kind, holder, source, value, balance, validity, status, limits; the
// page adds its own actions column.
import type { HTMLAttributes, ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CouponQuotaRowFieldsFragment } from '../../../gql/graphql';
import { Money } from '../../../shared/components/Money';
import { tablePagination } from '../../../shared/components/tablePagination';
import type { PagedConnection } from '../../../shared/graphql/usePagedConnection';
import { validity } from '../filters';
import { KindTag, LimitsCell, QuotaStatusTag } from './CouponTags';
import { QuotaRecords } from './QuotaRecords';

export type QuotaRow = CouponQuotaRowFieldsFragment;

interface Props {
  list: PagedConnection<QuotaRow, unknown>;
  /** Show the holder's name (a distributor sees its resellers' quotas; the platform everyone's). */
  showPartner?: boolean;
  actions?: (q: QuotaRow) => ReactNode;
  actionsWidth?: number;
  empty?: string;
  testId?: string;
  /** Expanding a row shows the quota's records (a partner's admin and the platform read them). */
  showRecords?: boolean;
}

export function QuotaTable({ list, showPartner, actions, actionsWidth = 160, empty, testId = 'quota-row', showRecords }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<QuotaRow> = [
    { key: 'kind', title: t('coupons.columns.kind'), width: 100, render: (_, q) => <KindTag kind={q.kind} /> },
    ...(showPartner
      ? [{ key: 'partner', title: t('coupons.columns.partner'), width: 170, render: (_: unknown, q: QuotaRow) => q.partnerName } as const]
      : []),
    {
      key: 'source',
      title: t('coupons.columns.source'),
      width: 120,
      render: (_, q) => (q.parentQuotaID ? t('coupons.source.distributor') : t('coupons.source.platform')),
    },
    { key: 'value', title: t('coupons.columns.value'), width: 140, align: 'right', render: (_, q) => <Money value={q.value} /> },
    {
      key: 'balance',
      title: t('coupons.columns.balance'),
      width: 140,
      align: 'right',
      render: (_, q) => (
        <span data-testid="quota-balance">
          <Money value={q.balance} />
        </span>
      ),
    },
    { key: 'validity', title: t('coupons.columns.validity'), width: 200, render: (_, q) => validity(q.validFrom, q.validUntil) },
    { key: 'status', title: t('coupons.columns.status'), width: 100, render: (_, q) => <QuotaStatusTag status={q.status} /> },
    { key: 'limits', title: t('coupons.columns.limits'), width: 220, render: (_, q) => <LimitsCell limits={q.limits} /> },
    {
      key: 'id',
      title: t('coupons.columns.quota'),
      width: 150,
      render: (_, q) => (
        <Typography.Text type="secondary" copyable={{ text: q.id }} ellipsis style={{ maxWidth: 130 }}>
          {q.id}
        </Typography.Text>
      ),
    },
    { key: 'createdAt', title: t('coupons.columns.createdAt'), width: 150, render: (_, q) => dayjs(q.createdAt).format('YYYY-MM-DD HH:mm') },
    ...(actions
      ? [{ key: 'actions', title: t('coupons.columns.actions'), width: actionsWidth, fixed: 'end' as const, render: (_: unknown, q: QuotaRow) => actions(q) }]
      : []),
  ];
  return (
    <Table<QuotaRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.rows}
      loading={list.loading}
      scroll={{ x: 1300 }}
      expandable={showRecords ? { expandedRowRender: (q) => <QuotaRecords quotaID={q.id} />, columnWidth: 40 } : undefined}
      onRow={(q) => ({ 'data-testid': testId, 'data-id': q.id, 'data-partner': q.partnerName }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: empty ?? t('coupons.page.emptyQuotas') }}
      pagination={tablePagination(list, { showTotal: (n) => t('coupons.common.total', { count: n }), hideOnSinglePage: true })}
    />
  );
}
