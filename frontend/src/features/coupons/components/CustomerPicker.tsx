// A select of the partner's customers (masked names from the server), searched on the server
// from 2 characters; single or multiple. With `whitelist` it offers the customers on the
// government partner's whitelist instead (searched here, they are at most a page).
import { useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from 'urql';
import type { CustomerAssociationType } from '../../../gql/graphql';
import { CouponCustomerOptionsQuery, CustomerWhitelistsQuery } from '../queries';
import { customerLabel } from '../customerLabel';

interface Props {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  associationType?: CustomerAssociationType;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
  disabled?: boolean;
  /** Offer the whitelist's customers (a government partner issues only to them). */
  whitelist?: boolean;
  /** Every customer named so far (id -> label), e.g. to name the rows of a batch answer. */
  labels?: Map<string, string>;
}

export function CustomerPicker({ value, onChange, multiple, associationType, placeholder, style, testId, disabled, whitelist, labels }: Props) {
  const [search, setSearch] = useState('');
  const [own] = useState(() => new Map<string, string>());
  const known = labels ?? own;
  const term = search.trim().length >= 2 ? search.trim() : undefined;
  const [customers] = useQuery({
    query: CouponCustomerOptionsQuery,
    variables: { where: { ...(associationType ? { associationType } : {}), ...(term ? { search: term } : {}) } },
    pause: disabled || whitelist,
  });
  const [listed] = useQuery({ query: CustomerWhitelistsQuery, variables: { first: 100 }, pause: disabled || !whitelist });
  const candidates = whitelist
    ? (listed.data?.customerWhitelists.edges ?? []).flatMap((e) => (e?.node?.customer ? [e.node.customer] : []))
    : (customers.data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const fetching = customers.fetching || listed.fetching;
  const options = candidates.flatMap((c) => {
    const label = customerLabel(c);
    known.set(c.id, label);
    return whitelist && term && !label.includes(term) ? [] : [{ value: c.id, label }];
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
