import { memo, useEffect, useRef, type ReactNode } from 'react';
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

interface RowProps {
  data: unknown;
  index: number;
  rowId: number | null;
  start: number;
  size: number;
  template: string;
  columns: Column<never>[];
  isSelected: boolean;
  select(index: number): void;
}

/**
 * One row. Memoised: while scrolling, rows already on screen keep their props (the same data
 * object, a new offset only when it moved), so a frame renders just the rows that came in.
 */
const VirtualRow = memo(function VirtualRow({
  data,
  index,
  rowId,
  start,
  size,
  template,
  columns,
  isSelected,
  select,
}: RowProps) {
  return (
    <div
      role="row"
      data-index={index}
      data-testid={data ? 'vrow' : 'vrow-loading'}
      data-id={rowId ?? undefined}
      className={isSelected ? 'vtable__row vtable__row--selected' : 'vtable__row'}
      style={{ gridTemplateColumns: template, height: size, transform: `translateY(${start}px)` }}
      onClick={() => select(index)}
    >
      {data ? (
        columns.map((c) => (
          <div key={c.id} role="cell" className="vtable__cell">
            {c.render(data as never)}
          </div>
        ))
      ) : (
        // A row whose page is on its way: one light bar, not a cell per column (a flick
        // through the table renders dozens of these a frame).
        <div role="cell" className="vtable__cell vtable__cell--loading">
          <span className="vtable__placeholder" />
        </div>
      )}
    </div>
  );
});

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
    overscan: 10,
  });
  // One stable click handler for every row, reading the latest row and callback when clicked.
  const latest = useRef({ row, onSelect });
  useEffect(() => {
    latest.current = { row, onSelect };
  });
  const select = useRef((index: number) => {
    const data = latest.current.row(index);
    if (data) latest.current.onSelect?.(data, index);
  }).current;
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
            const id = data ? rowKey(data) : null;
            return (
              <VirtualRow
                key={item.key}
                data={data}
                index={item.index}
                rowId={id}
                start={item.start}
                size={item.size}
                template={template}
                columns={columns as Column<never>[]}
                isSelected={id !== null && id === selected}
                select={select}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
