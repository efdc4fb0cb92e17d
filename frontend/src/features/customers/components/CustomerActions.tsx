// The detail page's actions: allocate, reclaim, switch type, freeze/unfreeze, ask to disassociate.
import { useState } from 'react';
import { App, Button, Form, Select, Space } from 'antd';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationType, MoneyMoveFieldsFragment, UserErrorFieldsFragment } from '../../../gql/graphql';
import {
  AllocateBalanceMutation,
  ReclaimBalanceMutation,
  RequestDisassociationMutation,
  SetCustomerFrozenMutation,
  SwitchAssociationTypeMutation,
} from '../queries';
import { ReasonDialog } from '../../../shared/components/ReasonDialog';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { formatMoney, toDecimal } from '../../../shared/money/money';
import type { CustomerPermissions } from '../permissions';
import { AmountField } from '../../../shared/components/AmountField';

export interface ActionCustomer {
  id: string;
  associationType?: CustomerAssociationType | null;
  frozen: boolean;
  allocatedBalance: string;
  partner?: { id: string } | null;
}

interface MoneyPayload {
  journal?: MoneyMoveFieldsFragment | null;
  userErrors: UserErrorFieldsFragment[];
}

type Dialog = 'allocate' | 'reclaim' | 'switch' | 'freeze' | 'disassociate' | null;

interface Props {
  customer: ActionCustomer;
  can: CustomerPermissions;
  /** Reload the customer and its history after a change. */
  onChanged: () => void;
}

export function CustomerActions({ customer, can, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  // One idempotency key per money action; renewed when the form changes or the dialog closes.
  const [key, setKey] = useState(newIdempotencyKey);
  const allocate = useVerifiedMutation(AllocateBalanceMutation);
  const reclaim = useVerifiedMutation(ReclaimBalanceMutation);
  const disassociate = useVerifiedMutation(RequestDisassociationMutation);
  const [switchState, switchType] = useMutation(SwitchAssociationTypeMutation);
  const [freezeState, setFrozen] = useMutation(SetCustomerFrozenMutation);

  const associated = !!customer.partner;
  const resale = customer.associationType === 'RESALE';
  const close = () => {
    setDialog(null);
    setKey(newIdempotencyKey());
  };

  async function moveMoney(kind: 'allocate' | 'reclaim', amount: string, reason?: string): Promise<string | undefined> {
    const build = (verificationCode: string | undefined) => ({
      idempotencyKey: key,
      input: { customerID: customer.id, amount: toDecimal(amount), reason: reason ?? null, verificationCode: verificationCode ?? null },
    });
    let cancelled: boolean;
    let error: CombinedError | undefined;
    let payload: MoneyPayload | undefined;
    if (kind === 'allocate') {
      const out = await allocate.run(build);
      ({ cancelled } = out);
      error = out.result.error;
      payload = out.result.data?.allocateBalance;
    } else {
      const out = await reclaim.run(build);
      ({ cancelled } = out);
      error = out.result.error;
      payload = out.result.data?.reclaimBalance;
    }
    if (cancelled) return t('verification.cancelled');
    if (error || !payload) return error ? describeError(error, t) : t('errors.generic');
    if (payload.userErrors.length) return payload.userErrors.map((e) => describeRefusal(e, t)).join('; ');
    void message.success(
      t(kind === 'allocate' ? 'customers.actions.allocated' : 'customers.actions.reclaimed', {
        amount: formatMoney(payload.journal?.amount, { symbol: true }),
        no: payload.journal?.transactionNo ?? '-',
      }),
    );
    onChanged();
    return undefined;
  }

  return (
    <>
      <Space wrap data-testid="customer-actions">
        {can.allocate && (
          <Button type="primary" disabled={!resale || customer.frozen} onClick={() => setDialog('allocate')} data-testid="action-allocate">
            {t('customers.actions.allocate')}
          </Button>
        )}
        {can.allocate && (
          <Button disabled={!resale} onClick={() => setDialog('reclaim')} data-testid="action-reclaim">
            {t('customers.actions.reclaim')}
          </Button>
        )}
        {can.switchType && associated && (
          <Button onClick={() => setDialog('switch')} data-testid="action-switch">
            {t('customers.actions.switchType')}
          </Button>
        )}
        {can.freeze && associated && (
          <Button disabled={!resale && !customer.frozen} onClick={() => setDialog('freeze')} data-testid="action-freeze">
            {customer.frozen ? t('customers.actions.unfreeze') : t('customers.actions.freeze')}
          </Button>
        )}
        {can.disassociate && associated && (
          <Button danger onClick={() => setDialog('disassociate')} data-testid="action-disassociate">
            {t('customers.actions.disassociate')}
          </Button>
        )}
      </Space>

      <ReasonDialog
        open={dialog === 'allocate' || dialog === 'reclaim'}
        title={dialog === 'reclaim' ? t('customers.actions.reclaim') : t('customers.actions.allocate')}
        description={
          dialog === 'reclaim'
            ? t('customers.actions.reclaimHint', { balance: formatMoney(customer.allocatedBalance, { symbol: true }) })
            : t('customers.actions.allocateHint')
        }
        loading={allocate.fetching || reclaim.fetching}
        onValuesChange={() => setKey(newIdempotencyKey())}
        onSubmit={(v) => moveMoney(dialog === 'reclaim' ? 'reclaim' : 'allocate', String(v.amount ?? ''), v.reason)}
        onClose={close}
        testId="money-dialog"
      >
        <AmountField max={dialog === 'reclaim' ? customer.allocatedBalance : undefined} />
      </ReasonDialog>

      <ReasonDialog
        open={dialog === 'switch'}
        title={t('customers.actions.switchType')}
        description={t('customers.actions.switchHint')}
        loading={switchState.fetching}
        initialValues={{ type: customer.associationType === 'RESALE' ? 'ADVISORY' : 'RESALE' }}
        onSubmit={async (v) => {
          const r = await switchType({ input: { customerID: customer.id, type: v.type as CustomerAssociationType, reason: v.reason ?? null } });
          if (r.error) return describeError(r.error, t);
          const refused = r.data?.switchAssociationType.userErrors ?? [];
          if (refused.length) return refused.map((e) => describeRefusal(e, t)).join('; ');
          void message.success(t('customers.actions.switched'));
          onChanged();
          return undefined;
        }}
        onClose={close}
      >
        <Form.Item name="type" label={t('customers.fields.associationType')} rules={[{ required: true }]}>
          <Select
            options={(['ADVISORY', 'RESALE'] as const).map((type) => ({
              value: type,
              label: t(`customers.associationType.${type}`),
              disabled: type === customer.associationType,
            }))}
          />
        </Form.Item>
      </ReasonDialog>

      <ReasonDialog
        open={dialog === 'freeze'}
        title={customer.frozen ? t('customers.actions.unfreeze') : t('customers.actions.freeze')}
        description={customer.frozen ? t('customers.actions.unfreezeHint') : t('customers.actions.freezeHint')}
        reasonRequired
        danger={!customer.frozen}
        loading={freezeState.fetching}
        onSubmit={async (v) => {
          const r = await setFrozen({ input: { customerID: customer.id, frozen: !customer.frozen, reason: v.reason ?? '' } });
          if (r.error) return describeError(r.error, t);
          const refused = r.data?.setCustomerFrozen.userErrors ?? [];
          if (refused.length) return refused.map((e) => describeRefusal(e, t)).join('; ');
          void message.success(customer.frozen ? t('customers.actions.unfrozen') : t('customers.actions.frozenDone'));
          onChanged();
          return undefined;
        }}
        onClose={close}
      />

      <ReasonDialog
        open={dialog === 'disassociate'}
        title={t('customers.actions.disassociate')}
        description={t('customers.actions.disassociateHint')}
        reasonRequired
        danger
        loading={disassociate.fetching}
        onSubmit={async (v) => {
          const { result, cancelled } = await disassociate.run((verificationCode) => ({
            input: { customerID: customer.id, reason: v.reason ?? '', verificationCode: verificationCode ?? null },
          }));
          if (cancelled) return t('verification.cancelled');
          if (result.error) return describeError(result.error, t);
          const refused = result.data?.requestDisassociation.userErrors ?? [];
          if (refused.length) return refused.map((e) => describeRefusal(e, t)).join('; ');
          void message.success(t('customers.actions.disassociateRequested'));
          onChanged();
          return undefined;
        }}
        onClose={close}
      />
      {allocate.prompt}
      {reclaim.prompt}
      {disassociate.prompt}
    </>
  );
}
