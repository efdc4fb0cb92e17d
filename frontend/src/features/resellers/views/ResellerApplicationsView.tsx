// Cloud resellers' cooperation applications (合作申请): a distributor approves or rejects them in
// batch (批量审批); a reseller without a distributor applies to one and follows its applications.
import { useState, type Key } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ResellerApplicationStatus } from '../../../gql/graphql';
import {
  ApplyToDistributorMutation,
  DecideResellerApplicationsMutation,
  ResellerApplicationsQuery,
  ResellerPartnerQuery,
} from '../queries';
import { useViewer } from '../../auth/viewer';
import { BatchResultTable, type BatchRow } from '../../../shared/components/BatchResultTable';
import { ReasonDialog } from '../../../shared/components/ReasonDialog';
import { tablePagination } from '../../../shared/components/tablePagination';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';

const PAGE = 20;
const STATUS_COLORS: Record<ResellerApplicationStatus, string> = { PENDING: 'processing', APPROVED: 'success', REJECTED: 'error' };
const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '-');

export function ResellerApplicationsView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const isDistributor = viewer.partner?.kind === 'DISTRIBUTOR';
  const isReseller = viewer.partner?.kind === 'CLOUD_RESELLER';
  const canDecide = isDistributor && viewer.role === 'PARTNER_ADMIN';
  const [status, setStatus] = useState<ResellerApplicationStatus>();
  const list = usePagedConnection({
    query: ResellerApplicationsQuery,
    variables: { where: status ? { status } : null },
    select: (d) => d.resellerApplications,
    pageSize: PAGE,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: partnerData }, refetchPartner] = useQuery({
    query: ResellerPartnerQuery,
    variables: { id: viewer.partner?.id ?? '' },
    pause: !isReseller || !viewer.partner,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<boolean>();
  const [results, setResults] = useState<BatchRow[]>();
  const [{ fetching: decidingBusy }, decide] = useMutation(DecideResellerApplicationsMutation);
  const [applyState, apply] = useMutation(ApplyToDistributorMutation);
  const [applyError, setApplyError] = useState<string>();
  const [form] = Form.useForm<{ distributorID: string; message?: string }>();

  const rows = list.rows;
  type Row = (typeof rows)[number];
  const names = new Map(rows.map((r) => [r.id, r.resellerName]));
  const partner = partnerData?.node?.__typename === 'Partner' ? partnerData.node : undefined;
  const hasDistributor = !!partner?.distributor;

  async function submitDecision(reason: string | undefined): Promise<string | undefined> {
    const r = await decide({ input: { ids: selected, approve: !!deciding, reason: reason ?? null } });
    if (r.error || !r.data) return r.error ? describeError(r.error, t) : t('errors.generic');
    const refused = r.data.decideResellerApplications.userErrors;
    if (refused.length) return refused.map((e) => describeRefusal(e, t)).join('; ');
    setResults(r.data.decideResellerApplications.results);
    setSelected([]);
    list.refresh();
    return undefined;
  }

  async function submitApplication(v: { distributorID: string; message?: string }) {
    setApplyError(undefined);
    const r = await apply({ distributorID: v.distributorID.trim(), message: v.message?.trim() || null });
    const refused = r.data?.applyToDistributor.userErrors ?? [];
    if (r.error || refused.length) {
      setApplyError(r.error ? describeError(r.error, t) : refused.map((e) => describeRefusal(e, t)).join('; '));
      return;
    }
    void message.success(t('resellers.applied'));
    form.resetFields();
    list.refresh();
    refetchPartner({ requestPolicy: 'network-only' });
  }

  return (
    <Flex vertical gap={16}>
      {isReseller && (
        <Card title={t('resellers.applyTitle')}>
          {partner && hasDistributor ? (
            <Alert type="info" showIcon title={t('resellers.hasDistributor', { name: partner.distributor?.name })} />
          ) : (
            <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void submitApplication(v)}>
              <Form.Item
                name="distributorID"
                label={t('resellers.distributorID')}
                rules={[{ required: true, whitespace: true, message: t('resellers.distributorIDRequired') }]}
                extra={t('resellers.distributorIDHint')}
              >
                <Input placeholder="ptr_…" data-testid="apply-distributor" />
              </Form.Item>
              <Form.Item name="message" label={t('resellers.message')}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
              {applyError && <Alert type="error" showIcon title={applyError} style={{ marginBottom: 12 }} />}
              <Button type="primary" htmlType="submit" loading={applyState.fetching} data-testid="apply-submit">
                {t('resellers.apply')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      <Card>
        <Flex vertical gap={16}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('resellers.title')}
          </Typography.Title>
          <Space wrap>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('resellers.allStatuses')}
              value={status}
              onChange={(s) => {
                setStatus(s);
              }}
              options={(['PENDING', 'APPROVED', 'REJECTED'] as const).map((s) => ({ value: s, label: t(`resellers.status.${s}`) }))}
            />
            {canDecide && (
              <>
                <Typography.Text type="secondary">{t('customers.batch.selected', { count: selected.length })}</Typography.Text>
                <Button type="primary" disabled={!selected.length} onClick={() => setDeciding(true)} data-testid="apps-approve">
                  {t('associations.approve')}
                </Button>
                <Button danger disabled={!selected.length} onClick={() => setDeciding(false)} data-testid="apps-reject">
                  {t('associations.reject')}
                </Button>
              </>
            )}
          </Space>
          {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} />}
          <Table<Row>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={rows}
            pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }) })}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('resellers.empty') }}
            rowSelection={
              canDecide
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys: Key[]) => setSelected(keys.map(String)),
                    getCheckboxProps: (r) => ({ disabled: r.status !== 'PENDING' }),
                  }
                : undefined
            }
            columns={[
              { key: 'createdAt', title: t('resellers.createdAt'), width: 150, render: (_, r) => time(r.createdAt) },
              isDistributor
                ? { key: 'reseller', title: t('resellers.reseller'), width: 200, render: (_, r) => r.resellerName }
                : { key: 'distributor', title: t('resellers.distributor'), width: 200, render: (_, r) => r.distributorName },
              { key: 'message', title: t('resellers.message'), ellipsis: true, render: (_, r) => r.message || '-' },
              {
                key: 'status',
                title: t('resellers.statusLabel'),
                width: 100,
                render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`resellers.status.${r.status}`)}</Tag>,
              },
              { key: 'decidedBy', title: t('events.columns.decidedBy'), width: 140, render: (_, r) => r.decidedByName || '-' },
              { key: 'decidedAt', title: t('events.columns.decidedAt'), width: 150, render: (_, r) => time(r.decidedAt) },
              { key: 'decisionReason', title: t('events.columns.decisionReason'), ellipsis: true, render: (_, r) => r.decisionReason || '-' },
            ]}
          />
        </Flex>
      </Card>
      <ReasonDialog
        open={deciding !== undefined}
        title={deciding ? t('resellers.approveTitle', { count: selected.length }) : t('resellers.rejectTitle', { count: selected.length })}
        reasonRequired={deciding === false}
        loading={decidingBusy}
        onSubmit={(v) => submitDecision(v.reason)}
        onClose={() => setDeciding(undefined)}
      />
      <Modal
        open={!!results}
        title={t('resellers.resultsTitle')}
        onOk={() => setResults(undefined)}
        onCancel={() => setResults(undefined)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('common.close')}
        width={640}
      >
        {results && (
          <>
            <Typography.Paragraph>
              {t('batch.summary', { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length })}
            </Typography.Paragraph>
            <BatchResultTable results={results} nameOf={(id) => names.get(id)} />
          </>
        )}
      </Modal>
    </Flex>
  );
}
