// The key/value editor of limits inside a Form (a Form.List named `name`): a key of
// CouponLimitLimitKey and its value, checked by limits.ts.
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CouponLimitLimitKey } from '../../../gql/graphql';
import { LIMIT_KEYS, limitProblem, type LimitRow } from '../limits';

interface Props {
  name?: string;
  label?: string;
  hint?: string;
}

export function LimitsEditor({ name = 'limits', label, hint }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={label ?? t('coupons.columns.limits')} extra={hint}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="limits-editor">
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ width: '100%' }} wrap>
                <Form.Item name={[field.name, 'key']} noStyle>
                  <Select<CouponLimitLimitKey>
                    style={{ width: 190 }}
                    placeholder={t('coupons.limits.key')}
                    options={LIMIT_KEYS.map((k) => ({ value: k, label: t(`coupons.limitKey.${k}`) }))}
                    data-testid="limit-key"
                  />
                </Form.Item>
                <Form.Item
                  noStyle
                  shouldUpdate={(prev: Record<string, LimitRow[] | undefined>, next: Record<string, LimitRow[] | undefined>) =>
                    prev[name]?.[field.name]?.key !== next[name]?.[field.name]?.key
                  }
                >
                  {() => {
                    const rows = (form.getFieldValue(name) ?? []) as (LimitRow | undefined)[];
                    const key = rows[field.name]?.key;
                    return (
                      <Form.Item
                        name={[field.name, 'value']}
                        style={{ marginBottom: 0 }}
                        dependencies={[[name]]}
                        rules={[
                          {
                            validator: (_, value: string | undefined) => {
                              if (!key) return Promise.resolve();
                              const all = (form.getFieldValue(name) ?? []) as (LimitRow | undefined)[];
                              if (all.findIndex((r) => r?.key === key) !== field.name) {
                                return Promise.reject(new Error(t('coupons.limitProblem.duplicate')));
                              }
                              const p = limitProblem(key, value);
                              return p ? Promise.reject(new Error(t(`coupons.limitProblem.${p}`))) : Promise.resolve();
                            },
                          },
                        ]}
                      >
                        <Input
                          style={{ width: 260 }}
                          placeholder={key ? t(`coupons.limitHint.${key}`) : t('coupons.limits.value')}
                          data-testid="limit-value"
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('coupons.limits.remove')} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= LIMIT_KEYS.length} data-testid="limit-add">
              {t('coupons.limits.add')}
            </Button>
            {fields.length === 0 && <Typography.Text type="secondary">{t('coupons.limits.none')}</Typography.Text>}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
