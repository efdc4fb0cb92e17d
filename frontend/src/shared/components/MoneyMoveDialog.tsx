// One money movement (recharge, allocate, reclaim): amount and note, one idempotency key per action,
// step-up verification when the server asks for it (shared/graphql/stepUp: a code, then the same
// action again with the same key), and the server's userErrors (INSUFFICIENT_BALANCE...) in place.
import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import type { CombinedError } from 'urql';
import type { MoneyMoveFieldsFragment, UserErrorFieldsFragment } from '../../gql/graphql';
import { useTranslation } from 'react-i18next';
import { toDecimal } from '../money/money';
import { AmountField } from './AmountField';
import { errorMessage } from '../graphql/errors';
import { useStepUp } from '../graphql/stepUp';
import { newIdempotencyKey } from '../graphql/verification';

export interface MoveRequest {
  amount: string;
  reason?: string;
  verificationCode?: string;
  idempotencyKey: string;
}

/** A money mutation's answer: its payload selects ...MoneyMoveFields and ...UserErrorFields. */
export interface MoveResult {
  error?: CombinedError;
  payload?: {
    journal?: MoneyMoveFieldsFragment | null;
    userErrors: readonly UserErrorFieldsFragment[];
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
}

export function MoneyMoveDialog({ open, title, info, maxAmount, run, onDone, onCancel, testId = 'money-dialog' }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // One key per action: kept while the same action is retried (a code added), renewed when the
  // amount or note changes and when the dialog closes.
  const [key, setKey] = useState(newIdempotencyKey);
  const [problems, setProblems] = useState<string[]>([]);
  const stepUp = useStepUp();

  function finish(then: () => void) {
    setKey(newIdempotencyKey());
    setProblems([]);
    then();
  }

  async function submit(v: Values) {
    setProblems([]);
    const request = { amount: toDecimal(v.amount), reason: v.reason?.trim() || undefined, idempotencyKey: key };
    const { result, cancelled } = await stepUp.run((verificationCode) => run({ ...request, verificationCode }));
    if (cancelled) {
      setProblems([t('verification.cancelled')]);
      return;
    }
    if (result.error) {
      setProblems([errorMessage(result.error, t('errors.network'))]);
      return;
    }
    const payload = result.payload;
    if (payload?.userErrors.length) {
      setProblems(payload.userErrors.map((e) => (e.code ? `${e.message} (${e.code})` : e.message)));
      return;
    }
    const transactionNo = payload?.journal?.transactionNo;
    if (transactionNo) finish(() => onDone(transactionNo));
    else setProblems([t('errors.generic')]);
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={t('secCommon.confirm')}
      cancelText={t('secCommon.cancel')}
      confirmLoading={stepUp.busy}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={() => finish(onCancel)}
      destroyOnHidden
      width={460}
    >
      <div data-testid={testId}>
        {info}
        {problems.length > 0 && (
          <Alert type="error" showIcon title={problems.join('; ')} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => void submit(v)}
          onValuesChange={() => {
            // A different amount or note is a different action: a new key.
            setKey(newIdempotencyKey());
          }}
        >
          <AmountField max={maxAmount} testId={`${testId}-amount`} autoFocus />
          <Form.Item label={t('account.reason')} name="reason" rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} placeholder={t('account.reasonPlaceholder')} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      </div>
      {stepUp.prompt}
    </Modal>
  );
}
