// One money movement (recharge, allocate, reclaim): amount and note, one idempotency key per action,
// a code field when the server asks for step-up verification (retried with the same key), and
// the server's userErrors (INSUFFICIENT_BALANCE...) shown in place.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { toDecimal } from '../../../shared/money/money';
import { AmountField } from '../../../shared/components/AmountField';
import { errorCode, errorMessage } from '../../../shared/graphql/errors';
import { CodeInput, codeRule } from '../../security/components/CodeInput';

export interface MoveRequest {
  amount: string;
  reason?: string;
  verificationCode?: string;
  idempotencyKey: string;
}

export interface MoveResult {
  error?: CombinedError;
  payload?: {
    journal?: { transactionNo: string } | null;
    userErrors: ReadonlyArray<{ code: string; message: string; field?: readonly string[] | null }>;
  } | null;
}

interface Props {
  open: boolean;
  title: ReactNode;
  /** Shown above the form (e.g. the other side's balance). */
  info?: ReactNode;
  /** The most the amount may be (e.g. what can be reclaimed). */
  maxAmount?: string;
  run: (request: MoveRequest) => Promise<MoveResult>;
  onDone: (transactionNo: string) => void;
  onCancel: () => void;
  testId?: string;
}

interface Values {
  amount: string;
  reason?: string;
  code?: string;
}

/** A fresh idempotency key for one action. */
export function newActionKey(): string {
  return crypto.randomUUID();
}

export function MoneyMoveDialog({ open, title, info, maxAmount, run, onDone, onCancel, testId = 'money-dialog' }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newActionKey);
  const [needCode, setNeedCode] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setKey(newActionKey());
    setNeedCode(false);
    setProblems([]);
  }, [open]);

  async function submit(v: Values) {
    setBusy(true);
    setProblems([]);
    try {
      const result = await run({
        amount: toDecimal(v.amount),
        reason: v.reason?.trim() || undefined,
        verificationCode: needCode ? v.code : undefined,
        idempotencyKey: key,
      });
      if (result.error) {
        if (errorCode(result.error) === 'VERIFICATION_REQUIRED') {
          // Same action, same key: only the code is added.
          if (needCode) form.setFieldValue('code', '');
          setNeedCode(true);
        }
        setProblems([errorMessage(result.error, t('errors.network'))]);
        return;
      }
      const payload = result.payload;
      if (payload?.userErrors.length) {
        setProblems(payload.userErrors.map((e) => (e.code ? `${e.message} (${e.code})` : e.message)));
        return;
      }
      if (payload?.journal) onDone(payload.journal.transactionNo);
      else setProblems([t('errors.generic')]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={t('secCommon.confirm')}
      cancelText={t('secCommon.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={460}
    >
      <div data-testid={testId}>
        {info}
        {problems.length > 0 && (
          <Alert
            type={needCode ? 'warning' : 'error'}
            showIcon
            title={problems.join('; ')}
            style={{ marginBottom: 16 }}
            data-testid={`${testId}-error`}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed: Partial<Values>) => {
            // A different amount or note is a different action: a new key.
            if ('amount' in changed || 'reason' in changed) setKey(newActionKey());
          }}
        >
          <AmountField max={maxAmount} testId={`${testId}-amount`} autoFocus />
          <Form.Item label={t('account.reason')} name="reason" rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} placeholder={t('account.reasonPlaceholder')} data-testid={`${testId}-reason`} />
          </Form.Item>
          {needCode && (
            <Form.Item
              label={t('security.code.label')}
              name="code"
              extra={t('security.verify.hint')}
              rules={[codeRule(t('security.code.required'))]}
            >
              <CodeInput data-testid={`${testId}-code`} autoFocus />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
