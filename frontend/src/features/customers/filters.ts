// The customer list's filter state and its translation into the server's where-input.
import dayjs from 'dayjs';
import type { CustomerAssociationType, CustomerWhereInput } from '../../gql/graphql';

/** Filters as the filter bar edits them; dates are local calendar days (YYYY-MM-DD). */
export interface CustomerFilters {
  associationType?: CustomerAssociationType;
  label?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** Server where-input: exact label, type, and a created range covering whole local days. */
export function toWhere(filters: CustomerFilters): CustomerWhereInput | undefined {
  const where: CustomerWhereInput = {};
  if (filters.associationType) where.associationType = filters.associationType;
  const label = filters.label?.trim();
  if (label) where.label = label;
  if (filters.createdFrom) where.createdAtGTE = dayjs(filters.createdFrom).startOf('day').format();
  if (filters.createdTo) where.createdAtLTE = dayjs(filters.createdTo).endOf('day').format();
  return Object.keys(where).length ? where : undefined;
}

/** A stable key of the filters, to drop cached cursors when it changes. */
export function filtersKey(filters: CustomerFilters): string {
  return JSON.stringify([filters.associationType ?? '', filters.label?.trim() ?? '', filters.createdFrom ?? '', filters.createdTo ?? '']);
}
