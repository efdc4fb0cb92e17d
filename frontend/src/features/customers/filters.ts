// The customer list's filter state and its translation into the server's where-input.
import dayjs from 'dayjs';
import type { CustomerAssociationType, CustomerWhereInput } from '../../gql/graphql';

/** Filters as the filter bar edits them; dates are local calendar days (YYYY-MM-DD). */
export interface CustomerFilters {
  /** Fuzzy search on name and account name; sent only from 2 characters on. */
  search?: string;
  associationType?: CustomerAssociationType;
  managerID?: string;
  label?: string;
  associatedFrom?: string;
  associatedTo?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** The server refuses shorter fuzzy searches. */
export const MIN_SEARCH = 2;

/** The search text to send, or undefined when empty or too short. */
export function searchTerm(search: string | undefined): string | undefined {
  const s = search?.trim();
  return s && [...s].length >= MIN_SEARCH ? s : undefined;
}

const startOfDay = (d: string) => dayjs(d).startOf('day').format();
const endOfDay = (d: string) => dayjs(d).endOf('day').format();

/** Server where-input: exact label, type, manager, fuzzy search and ranges of whole local days. */
export function toWhere(filters: CustomerFilters): CustomerWhereInput | undefined {
  const where: CustomerWhereInput = {};
  const search = searchTerm(filters.search);
  if (search) where.search = search;
  if (filters.associationType) where.associationType = filters.associationType;
  if (filters.managerID) where.managerID = filters.managerID;
  const label = filters.label?.trim();
  if (label) where.label = label;
  if (filters.associatedFrom) where.associatedAtGTE = startOfDay(filters.associatedFrom);
  if (filters.associatedTo) where.associatedAtLTE = endOfDay(filters.associatedTo);
  if (filters.createdFrom) where.createdAtGTE = startOfDay(filters.createdFrom);
  if (filters.createdTo) where.createdAtLTE = endOfDay(filters.createdTo);
  return Object.keys(where).length ? where : undefined;
}
