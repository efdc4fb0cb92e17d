// Filter bar above the customer table; applies on "Search", clears on "Reset".
import { memo } from 'react';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationType } from '../../../gql/graphql';
import { MIN_SEARCH, type CustomerFilters } from '../filters';

type Range = [Dayjs | null, Dayjs | null] | null;

interface FormValues {
  search?: string;
  associationType: CustomerAssociationType | 'ALL';
  managerID?: string;
  label?: string;
  associated?: Range;
  created?: Range;
}

export interface ManagerOption {
  value: string;
  label: string;
}

interface Props {
  value: CustomerFilters;
  onSearch: (filters: CustomerFilters) => void;
  /** Fuzzy search is for partner admins, customer managers and the platform only. */
  canSearch: boolean;
  /** The partner's customer managers; the manager filter is hidden when undefined. */
  managers?: ManagerOption[];
  managersLoading?: boolean;
}

const TYPES: readonly CustomerAssociationType[] = ['ADVISORY', 'RESALE'];

const toRange = (from?: string, to?: string): Range => (from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null);
const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');

/** Memoized, like the table below it. */
export const CustomerFilterBar = memo(function CustomerFilterBar({ value, onSearch, canSearch, managers, managersLoading }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const initial: FormValues = {
    search: value.search,
    associationType: value.associationType ?? 'ALL',
    managerID: value.managerID,
    label: value.label,
    associated: toRange(value.associatedFrom, value.associatedTo),
    created: toRange(value.createdFrom, value.createdTo),
  };

  function submit(v: FormValues) {
    const [createdFrom, createdTo] = v.created ?? [];
    const [associatedFrom, associatedTo] = v.associated ?? [];
    onSearch({
      search: canSearch ? v.search?.trim() || undefined : undefined,
      associationType: v.associationType === 'ALL' ? undefined : v.associationType,
      managerID: v.managerID || undefined,
      label: v.label?.trim() || undefined,
      associatedFrom: day(associatedFrom),
      associatedTo: day(associatedTo),
      createdFrom: day(createdFrom),
      createdTo: day(createdTo),
    });
  }

  function reset() {
    form.setFieldsValue({
      search: undefined,
      associationType: 'ALL',
      managerID: undefined,
      label: undefined,
      associated: null,
      created: null,
    });
    onSearch({});
  }

  return (
    <Form<FormValues> form={form} layout="inline" initialValues={initial} onFinish={submit} style={{ rowGap: 12 }}>
      {canSearch && (
        <Form.Item
          label={t('customers.filters.keyword')}
          name="search"
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || [...v.trim()].length >= MIN_SEARCH
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('customers.filters.searchTooShort', { count: MIN_SEARCH }))),
            },
          ]}
        >
          <Input allowClear placeholder={t('customers.filters.searchPlaceholder')} style={{ width: 220 }} data-testid="filter-search-text" />
        </Form.Item>
      )}
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
      {managers && (
        <Form.Item label={t('customers.filters.manager')} name="managerID">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={managersLoading}
            style={{ width: 180 }}
            placeholder={t('customers.filters.all')}
            options={managers}
            data-testid="filter-manager"
          />
        </Form.Item>
      )}
      <Form.Item label={t('customers.filters.label')} name="label">
        <Input allowClear placeholder={t('customers.filters.labelPlaceholder')} style={{ width: 160 }} data-testid="filter-label" />
      </Form.Item>
      <Form.Item label={t('customers.filters.associatedAt')} name="associated">
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="filter-associated" />
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
});
