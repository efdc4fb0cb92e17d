// Amount input with the local rules: more than 0, at most two decimals.
import { Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { amountProblem } from '../../../shared/validation';

export function useAmountRules(): Rule[] {
  const { t } = useTranslation();
  return [
    {
      validator: (_, v: string | undefined) => {
        const problem = amountProblem(v);
        return problem ? Promise.reject(new Error(t(`amount.${problem}`))) : Promise.resolve();
      },
    },
  ];
}

export function AmountField({ name = 'amount', label }: { name?: string; label?: string }) {
  const { t } = useTranslation();
  const rules = useAmountRules();
  return (
    <Form.Item name={name} label={label ?? t('amount.label')} rules={rules} required>
      <Input prefix="¥" placeholder="0.00" inputMode="decimal" data-testid="amount-input" />
    </Form.Item>
  );
}
