// Batch actions on the selected customers: assign a manager, allocate the same amount to each.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { AssignCustomerManagerMutation, BatchAllocateBalanceMutation } from '../queries';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { toDecimal } from '../../../shared/money/money';
import { AmountField } from '../../../shared/components/AmountField';
import { BatchResultTable, type BatchRow } from '../../../shared/components/BatchResultTable';
import type { ManagerOption } from './CustomerFilterBar';

interface CommonProps {
  open: boolean;
  customerIds: string[];
  nameOf: (id: string) => string | undefined;
  onClose: () => void;
  /** Called after the server changed something, to reload the list. */
  onDone: () => void;
}

const UNASSIGN = '__none__';

export function AssignManagerModal({ open, customerIds, nameOf, onClose, onDone, managers }: CommonProps & { managers: ManagerOption[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ managerID: string }>();
  const [{ fetching }, assign] = useMutation(AssignCustomerManagerMutation);
  const [results, setResults] = useState<BatchRow[]>();
  const [error, setError] = useState<string>();

  async function submit({ managerID }: { managerID: string }) {
    setError(undefined);
    const r = await assign({ input: { customerIDs: customerIds, managerID: managerID === UNASSIGN ? null : managerID } });
    const refused = r.data?.assignCustomerManager.userErrors ?? [];
    if (r.error || !r.data || refused.length) {
      setError(r.error ? describeError(r.error, t) : refused.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'));
      return;
    }
    setResults(r.data.assignCustomerManager.results);
    if (r.data.assignCustomerManager.succeeded > 0) onDone();
  }

  function close() {
    setResults(undefined);
    setError(undefined);
    form.resetFields();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('customers.batch.assignTitle', { count: customerIds.length })}
      onCancel={close}
      okText={results ? t('common.close') : t('common.confirm')}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      onOk={() => (results ? close() : form.submit())}
      confirmLoading={fetching}
      width={640}
      destroyOnHidden
    >
      {results ? (
        <>
          <Typography.Paragraph data-testid="assign-summary">
            {t('batch.summary', {
              succeeded: results.filter((r) => r.ok).length,
              failed: results.filter((r) => !r.ok).length,
            })}
          </Typography.Paragraph>
          <BatchResultTable results={results} nameOf={nameOf} />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="managerID" label={t('customers.batch.manager')} rules={[{ required: true, message: t('customers.batch.managerRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: UNASSIGN, label: t('customers.batch.unassign') }, ...managers]}
              data-testid="assign-manager-select"
            />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      )}
    </Modal>
  );
}

interface AllocateValues {
  amount: string;
  reason?: string;
}

export function BatchAllocateModal({ open, customerIds, nameOf, onClose, onDone }: CommonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AllocateValues>();
  const { run, fetching, prompt } = useVerifiedMutation(BatchAllocateBalanceMutation);
  // One key per action: kept while the same form is retried, renewed when it changes.
  const [key, setKey] = useState(newIdempotencyKey);
  const [refusal, setRefusal] = useState<{ message: string; rows: BatchRow[] }>();
  const [error, setError] = useState<string>();

  async function submit(v: AllocateValues) {
    setError(undefined);
    setRefusal(undefined);
    const { result, cancelled } = await run((verificationCode) => ({
      idempotencyKey: key,
      input: { customerIDs: customerIds, amount: toDecimal(v.amount), reason: v.reason?.trim() || null, verificationCode: verificationCode ?? null },
    }));
    if (cancelled) return;
    if (result.error || !result.data) {
      setError(result.error ? describeError(result.error, t) : t('errors.generic'));
      return;
    }
    const p = result.data.batchAllocateBalance;
    if (p.userErrors.length || p.failed > 0) {
      setRefusal({
        message: p.userErrors.map((e) => describeRefusal(e, t)).join('; ') || t('customers.batch.allocateRefused'),
        rows: p.results,
      });
      return;
    }
    void message.success(t('customers.batch.allocateDone', { count: p.succeeded }));
    onDone();
    close();
  }

  function close() {
    setRefusal(undefined);
    setError(undefined);
    setKey(newIdempotencyKey());
    form.resetFields();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('customers.batch.allocateTitle', { count: customerIds.length })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      confirmLoading={fetching}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('customers.batch.allocateHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={() => {
          // A changed amount or reason is a new action.
          setKey(newIdempotencyKey());
          setRefusal(undefined);
        }}
      >
        <AmountField label={t('customers.batch.amountEach')} />
        <Form.Item name="reason" label={t('common.reason')}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {refusal && (
        <>
          <Alert type="error" showIcon title={t('customers.batch.allocateRefused')} description={refusal.message} style={{ marginBottom: 12 }} />
          <BatchResultTable results={refusal.rows} nameOf={nameOf} />
        </>
      )}
      {prompt}
    </Modal>
  );
}
