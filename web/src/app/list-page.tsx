/**
 * The parts every list screen shares: a search toolbar bound to the URL's search parameters (the
 * text is sent on submit, the filters inside it on change), and the paged table with its count —
 * loading, failed and empty states included. The page keeps its own filters, columns and test ids.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatNumber, useI18n } from './i18n.tsx';
import { Field, Pagination, QueryView } from './ui.tsx';

/** Rows per page of every list (the server's default page size for these lists). */
export const PAGE_SIZE = 50;

/**
 * `<form role="search">` with the text search (`q`) and, as children, the page's filters. `value`
 * is the URL's `q`; `onSearch` receives the trimmed text, or undefined when it is empty.
 */
export function SearchToolbar(props: {
  label: string;
  value: string | undefined;
  onSearch(q: string | undefined): void;
  inputTestId?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  return (
    <form
      className="toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(text.trim() || undefined);
      }}
      role="search"
    >
      <Field name="q" label={props.label}>
        {(control) => (
          <div className="input-with-button">
            <input {...control} type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid={props.inputTestId} />
            <button type="submit" className="button button-primary">
              {t('common.search')}
            </button>
          </div>
        )}
      </Field>
      {props.children}
    </form>
  );
}

/** The row type of a list query: `Column<ItemOf<typeof list>>`. */
export type ItemOf<Q extends { data: { items: readonly unknown[] } | undefined }> = NonNullable<Q['data']>['items'][number];

export interface Column<T> {
  /** The header, repeated as each cell's data-label (the stacked table on phones). */
  label: string;
  cell(item: T): ReactNode;
  className?: string;
}

/** The count line, the table and the pager of one page of a list. */
export function ListTable<T>(props: {
  query: UseQueryResult<{ items: T[]; total?: number }>;
  empty: ReactNode;
  /** The count line above the table, given the formatted total ("1.234"), if the list shows one. */
  count?: (total: string) => ReactNode;
  columns: readonly Column<T>[];
  rowKey(item: T): string;
  tableTestId: string;
  rowTestId: string;
  /** The pager, for the lists the server pages. */
  page?: number;
  pageSize?: number;
  onPage?: (page: number) => void;
}) {
  const { page, onPage } = props;
  return (
    <QueryView query={props.query} isEmpty={(data) => data.items.length === 0} empty={props.empty}>
      {(data) => (
        <>
          {props.count && <p className="hint">{props.count(formatNumber(data.total ?? data.items.length))}</p>}
          <table className="table table-stack" data-testid={props.tableTestId}>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={props.rowKey(item)} data-testid={props.rowTestId}>
                  {props.columns.map((column) => (
                    <td key={column.label} data-label={column.label} className={column.className}>
                      {column.cell(item)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {page !== undefined && onPage && (
            <Pagination page={page} pageSize={props.pageSize ?? PAGE_SIZE} total={data.total ?? data.items.length} onPage={onPage} />
          )}
        </>
      )}
    </QueryView>
  );
}
