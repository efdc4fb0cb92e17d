// 中文 / English switch; i18n/index.ts remembers the choice.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage, type Language } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      value={toLanguage(i18n.language)}
      options={LANGUAGES.map((lng) => ({ value: lng, label: <span data-testid={`lang-${lng}`}>{t(`lang.${lng}`)}</span> }))}
      onChange={(lng) => void i18n.changeLanguage(lng)}
    />
  );
}
