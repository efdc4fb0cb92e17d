// The amount input of every money form: ¥ prefix, decimal keyboard, and the one amount validator
// (shared/money amountProblem: what the server accepts, and at most `max` when given).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountProblem, formatMoney, MAX_AMOUNT } from '../money/money';

interface Props {
  name?: string;
  label?: string;
  /** The most this action may move (e.g. what can be reclaimed), a Decimal string. */
  max?: string;
  testId?: string;
  autoFocus?: boolean;
}

export function AmountField({ name = 'amount', label, max, testId = 'amount-input', autoFocus }: Props) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label ?? t('amount.label')}
      required
      rules={[
        {
          validator: (_, value: string | undefined) => {
            const problem = amountProblem(value, { atMost: max });
            if (!problem) return Promise.resolve();
            const limit = problem === 'overBalance' ? max : MAX_AMOUNT;
            return Promise.reject(new Error(t(`amount.${problem}`, { max: formatMoney(limit) })));
          },
        },
      ]}
    >
      <Input prefix="¥" inputMode="decimal" placeholder={t('amount.placeholder')} data-testid={testId} autoFocus={autoFocus} />
    </Form.Item>
  );
}
