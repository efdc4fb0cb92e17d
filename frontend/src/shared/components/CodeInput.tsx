// A 6-digit authenticator code field (digits only; paste-friendly), wherever a code is asked for.
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { cleanCode } from '../validation';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  onPressEnter?: () => void;
  autoFocus?: boolean;
  'data-testid'?: string;
}

export function CodeInput({ value, onChange, onPressEnter, autoFocus, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Input
      value={value}
      onChange={(e) => onChange?.(cleanCode(e.target.value))}
      onPressEnter={onPressEnter}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      placeholder={t('security.code.placeholder')}
      style={{ width: 160, letterSpacing: 2 }}
      autoFocus={autoFocus}
      data-testid={rest['data-testid']}
    />
  );
}

/** Form rule for a code field. */
export function codeRule(message: string) {
  return { required: true, pattern: /^\d{6}$/, message };
}
