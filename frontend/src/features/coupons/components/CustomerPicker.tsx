// A select of the partner's customers (masked names from the server), searched on the server
// from 2 characters; single or multiple.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from 'urql';
import type { CustomerAssociationType } from '../../../gql/graphql';
import { CouponCustomerOptionsQuery } from '../queries';
import { customerLabel } from '../customerLabel';

interface Props {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  associationType?: CustomerAssociationType;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  disabled?: boolean;
}

export function CustomerPicker({ value, onChange, multiple, associationType, placeholder, style, testId, disabled }: Props) {
  const [search, setSearch] = useState('');
  const [known] = useState(() => new Map<string, string>());
  const term = search.trim().length >= 2 ? search.trim() : undefined;
  const [{ data, fetching }] = useQuery({
    query: CouponCustomerOptionsQuery,
    variables: { where: { ...(associationType ? { associationType } : {}), ...(term ? { search: term } : {}) } },
    pause: disabled,
  });
  const options = (data?.customers.edges ?? []).flatMap((e) => {
    if (!e?.node) return [];
    const label = customerLabel(e.node);
    known.set(e.node.id, label);
    return [{ value: e.node.id, label }];
  });
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const id of chosen) if (!options.some((o) => o.value === id)) options.push({ value: id, label: known.get(id) ?? id });
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={value}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      loading={fetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      placeholder={placeholder}
      style={style}
      disabled={disabled}
      data-testid={testId}
    />
  );
}
