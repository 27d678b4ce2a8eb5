import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Input, Space, Table, type TableColumnType, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../api';
import type { Page } from '../api/types';
import { useT } from '../i18n';

/** A column; `sortKey` names the API's `sort` value it orders by (clicking its header asks the server). */
export type DataColumn<T> = TableColumnType<T> & { sortKey?: string };

/**
 * A table over a cursor-paginated list endpoint: the server pages (next_cursor), searches (q),
 * filters and sorts (sort=name / -name …); prev/next walk a stack of cursors. A new search, filter
 * or sort starts again from the first page. Without a sort the API's order applies: newest first.
 */
export function DataTable<T extends object>(props: {
  fetch: (q: ListQuery) => Promise<Page<T>>;
  columns: DataColumn<T>[];
  rowKey: string | ((r: T) => string);
  search?: string; // placeholder; no search box when absent
  filters?: Record<string, unknown>;
  extra?: ReactNode;
  reloadKey?: unknown;
  /** ms: while set, the page on screen is fetched again this often, quietly (no spinner over the rows: their buttons stay usable) */
  poll?: number;
  pageSize?: number;
  onRow?: TableProps<T>['onRow'];
  /** checkboxes to pick rows (the card list's bulk actions); the caller keeps the picked keys */
  rowSelection?: TableProps<T>['rowSelection'];
  testId?: string;
}) {
  const t = useT();
  const [rows, setRows] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [next, setNext] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [sort, setSort] = useState<string | undefined>();
  const limit = props.pageSize ?? 20;
  const seq = useRef(0);
  const filterKey = JSON.stringify(props.filters ?? {});

  const busy = useRef(false);
  const load = useCallback(
    async (cursor: string | null, quiet = false) => {
      if (quiet && busy.current) return; // a load the person asked for is on its way; it wins
      const mine = ++seq.current;
      busy.current = !quiet;
      if (!quiet) setLoading(true);
      try {
        const page = await props.fetch({ limit, cursor, q: term || undefined, sort, ...(props.filters ?? {}) });
        if (mine !== seq.current) return;
        setRows(page.data);
        setNext(page.next_cursor);
      } catch (e) {
        if (!quiet) report(e);
      } finally {
        if (mine === seq.current) {
          setLoading(false);
          busy.current = false;
        }
      }
      // eslint-disable-next-line react-hooks/exhaustive-deps
    },
    [term, filterKey, sort, limit, props.fetch],
  );

  useEffect(() => {
    setCursors([null]);
    load(null);
  }, [load, props.reloadKey]);

  // a quiet refresh of the page on screen (e.g. a batch's progress), one at a time, never over the person's own load
  const here = cursors[cursors.length - 1];
  useEffect(() => {
    if (!props.poll) return;
    let stop = false;
    let h: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await load(here, true);
      if (!stop) h = setTimeout(tick, props.poll);
    };
    h = setTimeout(tick, props.poll);
    return () => {
      stop = true;
      clearTimeout(h);
    };
  }, [props.poll, load, here]);

  // sortable headers show the server's order; with no sort chosen that is newest first (created_at descending)
  const columns = useMemo(
    () =>
      props.columns.map(({ sortKey, ...col }): TableColumnType<T> => {
        if (!sortKey) return col;
        const shown = sort === sortKey ? 'ascend' : sort === `-${sortKey}` || (!sort && sortKey === 'created_at') ? 'descend' : null;
        return {
          ...col,
          key: sortKey,
          sorter: true,
          sortOrder: shown,
          sortDirections: sortKey === 'created_at' ? ['descend', 'ascend'] : ['ascend', 'descend'],
        };
      }),
    [props.columns, sort],
  );
  const onChange: TableProps<T>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T>;
    const key = s?.order ? String(s.columnKey) : undefined;
    setSort(key ? (s.order === 'ascend' ? key : `-${key}`) : undefined);
  };

  const pageNo = cursors.length;
  return (
    <div data-testid={props.testId}>
      <div className="kq-toolbar">
        {props.search !== undefined && (
          <Input.Search
            allowClear
            placeholder={props.search}
            style={{ width: 280 }}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setTerm(v.trim())}
          />
        )}
        {props.extra}
        <div style={{ flex: 1 }} />
        <Button icon={<ReloadOutlined />} onClick={() => load(cursors[cursors.length - 1])}>
          {t('刷新', 'Refresh')}
        </Button>
      </div>
      <Table<T>
        size="middle"
        rowKey={props.rowKey as any}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        onRow={props.onRow}
        rowSelection={props.rowSelection}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 12, display: 'flex', justifyContent: 'flex-end' }}>
        <span className="kq-muted">{t(`第 ${pageNo} 页`, `Page ${pageNo}`)}</span>
        <Button
          size="small"
          icon={<LeftOutlined />}
          disabled={pageNo <= 1}
          onClick={() => {
            const c = cursors.slice(0, -1);
            setCursors(c);
            load(c[c.length - 1]);
          }}
        >
          {t('上一页', 'Previous')}
        </Button>
        <Button
          size="small"
          disabled={!next}
          onClick={() => {
            setCursors([...cursors, next]);
            load(next);
          }}
        >
          {t('下一页', 'Next')}
          <RightOutlined />
        </Button>
      </Space>
    </div>
  );
}
