// antd's table pager for a list paged by usePagedConnection (the server pages; the table shows numbers).
import type { ReactNode } from 'react';
import type { TablePaginationConfig } from 'antd';
import type { PagedConnection } from '../graphql/usePagedConnection';

/** The page sizes every list offers (the server's first/last go up to 100). */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** The `pagination` prop of a Table showing `list`; moving or resizing asks the hook for the page. */
export function tablePagination(
  list: PagedConnection<unknown, unknown>,
  { showTotal, hideOnSinglePage }: { showTotal?: (total: number) => ReactNode; hideOnSinglePage?: boolean } = {},
): TablePaginationConfig {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total: list.total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    hideOnSinglePage,
    showTotal,
    onChange: (page, pageSize) => list.setPage(page, pageSize),
  };
}
