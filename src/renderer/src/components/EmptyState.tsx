import type { ReactNode } from 'react';
import type { PageId } from '../pages/routes';
import { useNav } from '../stores/navStore';

interface Props {
  title: string;
  /** What this page will hold, in the seller's words. */
  children: ReactNode;
  /** The step that fills it, as a button to that page. */
  action?: { label: string; page: PageId };
  testId?: string;
}

/** An honest empty page: what will be here, and how to get there. */
export function EmptyState({ title, children, action, testId }: Props) {
  const go = useNav((s) => s.go);
  return (
    <section className="empty-state" data-testid={testId ?? 'empty-state'}>
      <h2>{title}</h2>
      <div className="empty-state__body">{children}</div>
      {action && (
        <button type="button" className="button button--primary" onClick={() => go(action.page)}>
          {action.label}
        </button>
      )}
    </section>
  );
}
