// Filter bar above the customer table; applies on "Search", clears on "Reset".
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationType } from '../../../gql/graphql';
import type { CustomerFilters } from '../filters';

interface FormValues {
  associationType: CustomerAssociationType | 'ALL';
  label?: string;
  created?: [Dayjs | null, Dayjs | null] | null;
}

interface Props {
  value: CustomerFilters;
  onSearch: (filters: CustomerFilters) => void;
}

const TYPES: readonly CustomerAssociationType[] = ['ADVISORY', 'RESALE'];

export function CustomerFilterBar({ value, onSearch }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const initial: FormValues = {
    associationType: value.associationType ?? 'ALL',
    label: value.label,
    created: value.createdFrom || value.createdTo ? [value.createdFrom ? dayjs(value.createdFrom) : null, value.createdTo ? dayjs(value.createdTo) : null] : null,
  };

  function submit(v: FormValues) {
    const [from, to] = v.created ?? [];
    onSearch({
      associationType: v.associationType === 'ALL' ? undefined : v.associationType,
      label: v.label?.trim() || undefined,
      createdFrom: from?.format('YYYY-MM-DD'),
      createdTo: to?.format('YYYY-MM-DD'),
    });
  }

  function reset() {
    form.setFieldsValue({ associationType: 'ALL', label: undefined, created: null });
    onSearch({});
  }

  return (
    <Form<FormValues> form={form} layout="inline" initialValues={initial} onFinish={submit} style={{ rowGap: 12 }}>
      <Form.Item label={t('customers.filters.associationType')} name="associationType">
        <Select
          style={{ width: 140 }}
          data-testid="filter-association-type"
          options={[
            { value: 'ALL', label: t('customers.filters.all') },
            ...TYPES.map((type) => ({ value: type, label: t(`customers.associationType.${type}`) })),
          ]}
        />
      </Form.Item>
      <Form.Item label={t('customers.filters.label')} name="label">
        <Input allowClear placeholder={t('customers.filters.labelPlaceholder')} style={{ width: 180 }} data-testid="filter-label" />
      </Form.Item>
      <Form.Item label={t('customers.filters.createdAt')} name="created">
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="filter-created" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filter-search">
            {t('customers.filters.search')}
          </Button>
          <Button onClick={reset}>{t('customers.filters.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
