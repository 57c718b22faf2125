import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  id: string;
  label: string;
  width: number | string;
  render(row: T): ReactNode;
  /** Sort key sent to the core, when the column can sort. */
  sort?: string;
}

interface Props<T> {
  columns: Column<T>[];
  total: number;
  row(index: number): T | undefined;
  rowKey(row: T): number;
  selected?: number | null;
  onSelect?(row: T, index: number): void;
  /** Keeps this row in view (the keyboard's current row). */
  activeIndex?: number;
  sort?: { field: string; direction: 'asc' | 'desc' };
  onSort?(field: string): void;
  testId: string;
  rowHeight?: number;
}

/**
 * A table that renders only the rows in view (TanStack Virtual), so 250,000 rows scroll like 50.
 * Rows not fetched yet show as placeholders until their page arrives.
 */
export function VirtualTable<T>({
  columns,
  total,
  row,
  rowKey,
  selected,
  onSelect,
  activeIndex,
  sort,
  onSort,
  testId,
  rowHeight = 34,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions React Compiler cannot memoise; this table is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 20,
  });
  useEffect(() => {
    if (activeIndex !== undefined && activeIndex < total)
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, total, virtualizer]);
  const template = columns.map((c) => (typeof c.width === 'number' ? `${c.width}px` : c.width)).join(' ');
  return (
    <div className="vtable" data-testid={testId} role="table" aria-rowcount={total}>
      <div className="vtable__head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.id} role="columnheader" className="vtable__cell">
            {c.sort && onSort ? (
              <button
                type="button"
                className="vtable__sort"
                onClick={() => onSort(c.sort!)}
                data-testid={`sort-${c.id}`}
              >
                {c.label}
                {sort?.field === c.sort ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
      <div className="vtable__body" ref={scroller} data-testid={`${testId}-scroller`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const data = row(item.index);
            const key = data ? rowKey(data) : null;
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                data-testid={data ? 'vrow' : 'vrow-loading'}
                data-id={key ?? undefined}
                className={
                  key !== null && key === selected ? 'vtable__row vtable__row--selected' : 'vtable__row'
                }
                style={{
                  gridTemplateColumns: template,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => data && onSelect?.(data, item.index)}
              >
                {columns.map((c) => (
                  <div key={c.id} role="cell" className="vtable__cell">
                    {data ? c.render(data) : <span className="vtable__placeholder" />}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
