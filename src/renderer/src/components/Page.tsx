import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame every page shares: a title row with its actions, then the page's own body. */
export function Page({ id, title, actions, children }: Props) {
  return (
    <div className="page" data-testid={`page-${id}`}>
      <header className="page__header">
        <h1>{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </header>
      <div className="page__body">{children}</div>
    </div>
  );
}
