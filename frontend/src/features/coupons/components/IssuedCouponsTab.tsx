// 已发放券: filters (kind, status, customer, quota, expiry range), the coupons with the customer's
// masked name, face value, balance, validity, status and the remark (when the server sends it),
// row selection, and single or batch reclaim.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useReload } from '../useReload';
import { Alert, Button, DatePicker, Flex, Form, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Key } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CouponKind, CouponRowFieldsFragment, CouponStatus } from '../../../gql/graphql';
import { CouponsQuery } from '../queries';
import { couponWhere, validity, type CouponFilters } from '../filters';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { Money } from '../../../shared/components/Money';
import { customerLabel } from '../customerLabel';
import { CouponStatusTag, KindTag, LimitsCell } from './CouponTags';
import { CustomerPicker } from './CustomerPicker';
import { QuotaPicker } from './QuotaPicker';
import { ReclaimCouponsDialog } from './ReclaimCouponsDialog';
import { ReissueCouponDialog } from './ReissueCouponDialog';

type Row = CouponRowFieldsFragment;
const KINDS: readonly CouponKind[] = ['VOUCHER', 'CASH', 'PICKUP'];
const STATUSES: readonly CouponStatus[] = ['USABLE', 'USED_UP', 'EXPIRED', 'RECLAIMED'];

interface FormValues {
  kind?: CouponKind;
  status?: CouponStatus;
  customerID?: string;
  quotaID?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');

export function IssuedCouponsTab({ canReclaim, reloadKey }: { canReclaim: boolean; reloadKey?: number }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CouponFilters>({});
  const variables = useMemo(() => ({ where: couponWhere(filters) }), [filters]);
  const list = usePagedConnection({ query: CouponsQuery, variables, select: (d) => d.coupons, requestPolicy: 'cache-and-network' });
  const [selected, setSelected] = useState<Row[]>([]);
  const [reclaiming, setReclaiming] = useState<Row[] | null>(null);
  const [reissuing, setReissuing] = useState<Row | null>(null);
  const [form] = Form.useForm<FormValues>();
  useReload(reloadKey, list.refresh);

  function search(v: FormValues) {
    setFilters({
      kind: v.kind,
      status: v.status,
      customerID: v.customerID,
      quotaID: v.quotaID?.trim() || undefined,
      validFrom: day(v.range?.[0]),
      validTo: day(v.range?.[1]),
    });
    list.setPage(1);
  }

  const columns: ColumnsType<Row> = [
    {
      key: 'customer',
      title: t('coupons.columns.customer'),
      width: 200,
      fixed: 'start',
      render: (_, c) => <span data-testid="coupon-customer">{customerLabel(c.customer)}</span>,
    },
    { key: 'kind', title: t('coupons.columns.kind'), width: 100, render: (_, c) => <KindTag kind={c.kind} /> },
    { key: 'faceValue', title: t('coupons.columns.faceValue'), width: 130, align: 'right', render: (_, c) => <Money value={c.faceValue} /> },
    {
      key: 'balance',
      title: t('coupons.columns.balance'),
      width: 130,
      align: 'right',
      render: (_, c) => (
        <span data-testid="coupon-balance">
          <Money value={c.balance} />
        </span>
      ),
    },
    { key: 'validity', title: t('coupons.columns.validity'), width: 200, render: (_, c) => validity(c.validFrom, c.validUntil) },
    { key: 'status', title: t('coupons.columns.status'), width: 100, render: (_, c) => <CouponStatusTag status={c.status} /> },
    { key: 'limits', title: t('coupons.columns.limits'), width: 200, render: (_, c) => <LimitsCell limits={c.limits} /> },
    {
      key: 'remark',
      title: t('coupons.columns.remark'),
      width: 180,
      render: (_, c) =>
        c.remark == null ? (
          '-'
        ) : (
          <Typography.Text ellipsis={{ tooltip: c.remark }} style={{ maxWidth: 160 }} data-testid="coupon-remark">
            {c.remark}
          </Typography.Text>
        ),
    },
    {
      key: 'designated',
      title: t('coupons.columns.designated'),
      width: 100,
      render: (_, c) => (c.kind === 'CASH' ? (c.designatedCustomerID ? '✓' : '-') : '-'),
    },
    { key: 'createdAt', title: t('coupons.columns.createdAt'), width: 150, render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm') },
    ...(canReclaim
      ? [
          {
            key: 'actions',
            title: t('coupons.columns.actions'),
            width: 110,
            fixed: 'end' as const,
            render: (_: unknown, c: Row) =>
              c.status === 'RECLAIMED' ? (
                <Button size="small" onClick={() => setReissuing(c)} data-testid="coupon-reissue">
                  {t('coupons.reissue.action')}
                </Button>
              ) : (
                <Button size="small" danger disabled={c.status !== 'USABLE'} onClick={() => setReclaiming([c])} data-testid="coupon-reclaim">
                  {t('coupons.issued.reclaim')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Form<FormValues> form={form} layout="inline" onFinish={search} style={{ rowGap: 12 }}>
        <Form.Item label={t('coupons.filters.kind')} name="kind">
          <Select allowClear style={{ width: 120 }} placeholder={t('coupons.common.all')} options={KINDS.map((k) => ({ value: k, label: t(`coupons.kind.${k}`) }))} data-testid="coupon-filter-kind" />
        </Form.Item>
        <Form.Item label={t('coupons.filters.status')} name="status">
          <Select allowClear style={{ width: 120 }} placeholder={t('coupons.common.all')} options={STATUSES.map((s) => ({ value: s, label: t(`coupons.status.${s}`) }))} data-testid="coupon-filter-status" />
        </Form.Item>
        <Form.Item label={t('coupons.filters.customer')} name="customerID">
          <CustomerPicker style={{ width: 220 }} placeholder={t('coupons.filters.customerPlaceholder')} testId="coupon-filter-customer" />
        </Form.Item>
        <Form.Item label={t('coupons.filters.quota')} name="quotaID">
          <QuotaPicker style={{ width: 220 }} testId="coupon-filter-quota" />
        </Form.Item>
        <Form.Item label={t('coupons.filters.validity')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="coupon-filter-search">
              {t('coupons.common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              {t('coupons.common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
      {canReclaim && (
        <Space wrap data-testid="coupon-batch-bar">
          <Typography.Text type="secondary">{t('coupons.issued.selected', { count: selected.length })}</Typography.Text>
          <Button danger disabled={!selected.length} onClick={() => setReclaiming(selected)} data-testid="coupon-batch-reclaim">
            {t('coupons.issued.reclaimSelected')}
          </Button>
          {selected.length > 0 && (
            <Button type="link" onClick={() => setSelected([])}>
              {t('coupons.issued.clear')}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('coupons.issued.onlyUsable')}
          </Typography.Text>
        </Space>
      )}
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading}
        scroll={{ x: 1700 }}
        rowSelection={
          canReclaim
            ? {
                selectedRowKeys: selected.map((c) => c.id),
                preserveSelectedRowKeys: true,
                fixed: true,
                getCheckboxProps: (c) => ({ disabled: c.status !== 'USABLE' }),
                onChange: (_keys: Key[], rows: Row[]) => {
                  // rows of other pages stay selected (preserveSelectedRowKeys): keep what we knew of them
                  const byId = new Map(selected.map((c) => [c.id, c]));
                  for (const r of rows) if (r) byId.set(r.id, r);
                  setSelected(_keys.map((k) => byId.get(String(k))).filter((c): c is Row => !!c));
                },
              }
            : undefined
        }
        onRow={(c) => ({ 'data-testid': 'coupon-row', 'data-id': c.id, 'data-status': c.status, 'data-face': c.faceValue, 'data-customer': c.customerID }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('coupons.page.emptyCoupons') }}
        pagination={tablePagination(list, { showTotal: (n) => t('coupons.common.total', { count: n }) })}
      />
      {reissuing && <ReissueCouponDialog coupon={reissuing} onClose={() => setReissuing(null)} onDone={list.refresh} />}
      {reclaiming && (
        <ReclaimCouponsDialog
          coupons={reclaiming}
          onClose={() => setReclaiming(null)}
          onDone={() => {
            setSelected([]);
            list.refresh();
          }}
        />
      )}
    </Flex>
  );
}
