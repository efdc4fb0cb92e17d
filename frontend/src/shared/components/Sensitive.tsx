// A masked personal value with an eye button (眼睛按钮) that reveals it for this one customer field.
import { useState, type MouseEvent, type ReactNode } from 'react';
import { App, Button, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { SensitiveField } from '../../gql/graphql';
import { describeError, describeRefusal } from '../graphql/errorInfo';
import { useVerifiedMutation } from '../graphql/stepUp';

export const RevealSensitiveMutation = graphql(`
  mutation RevealSensitive($input: RevealSensitiveInput!) {
    revealSensitive(input: $input) {
      id
      field
      value
      userErrors { ...UserErrorFields }
    }
  }
`);

interface Props {
  /** The customer's ID. */
  customerId: string;
  field: SensitiveField;
  /** The masked value as the server sent it. */
  value: string | null | undefined;
  /** Why the value is revealed (kept in the audit log). */
  reason?: string;
  /** Whether the viewer may reveal (the eye button is hidden otherwise). */
  revealable?: boolean;
  /** Wraps the shown text, e.g. in a link. */
  render?: (text: string) => ReactNode;
}

export function Sensitive({ customerId, field, value, reason, revealable = true, render }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [plain, setPlain] = useState<string | null>(null);
  const { run, fetching, prompt } = useVerifiedMutation(RevealSensitiveMutation);
  const testId = `sensitive-${field.toLowerCase()}`;

  if (!value) return <Typography.Text type="secondary">-</Typography.Text>;

  async function toggle(e: MouseEvent) {
    e.stopPropagation();
    if (plain !== null) {
      setPlain(null);
      return;
    }
    const { result, cancelled } = await run((verificationCode) => ({
      input: { id: customerId, field, reason: reason ?? null, verificationCode: verificationCode ?? null },
    }));
    if (cancelled) return;
    const revealed = result.data?.revealSensitive;
    if (result.error || revealed?.value == null) {
      const refused = revealed?.userErrors ?? [];
      void message.error(result.error ? describeError(result.error, t) : refused.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'));
      return;
    }
    setPlain(revealed.value);
  }

  // Plain elements styled like antd's Space and Typography.Text (global.css): a list page shows
  // dozens of these, and each antd element costs a style recalculation of its theme variables.
  return (
    <span className="pc-sensitive">
      <span className="pc-sensitive-value" data-testid={testId} data-revealed={plain !== null ? 'true' : 'false'}>
        {render ? render(plain ?? value) : (plain ?? value)}
      </span>
      {revealable && (
        <Tooltip title={plain !== null ? t('sensitive.hide') : t('sensitive.reveal')}>
          <Button
            type="text"
            size="small"
            aria-label={plain !== null ? t('sensitive.hide') : t('sensitive.reveal')}
            icon={plain !== null ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            loading={fetching}
            onClick={(e) => void toggle(e)}
            data-testid={`reveal-${field.toLowerCase()}`}
          />
        </Tooltip>
      )}
      {/* The prompt is portaled, but its clicks bubble through React: keep them from the row. */}
      {prompt && <span onClick={(e) => e.stopPropagation()}>{prompt}</span>}
    </span>
  );
}
