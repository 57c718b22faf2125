import { useShortcuts } from '../hooks/useShortcuts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { KIND_LABELS, progressText, type QueueItem } from '@shared/domain/outreach';
import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';
import { api, unwrap } from '../api';
import { useToday } from '../stores/todayStore';
import { ItemPanel, type ItemAction } from './today/ItemPanel';
import { PlanPanel } from './today/PlanPanel';
import { ResponsesTab } from './today/ResponsesTab';
import { currentText, draftProblem, saveDraft, type Draft } from './today/MessageEditor';

const KEYS: Record<string, ItemAction | 'next' | 'previous' | 'edit'> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  c: 'copy',
  C: 'copySubject',
  o: 'open',
  s: 'sent',
  x: 'skipped',
  z: 'snoozed',
  u: 'undo',
  e: 'edit',
};

function LimitNotice() {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (done) return <p className="muted">{done}</p>;
  if (!asking)
    return (
      <button
        type="button"
        className="button button--small"
        data-testid="limit-notice"
        onClick={() => setAsking(true)}
      >
        LinkedIn says I have reached the invitation limit
      </button>
    );
  return (
    <span className="limit-ask">
      Stop invites for a week, whatever the counts say?{' '}
      <button
        type="button"
        className="button button--small button--danger"
        data-testid="limit-notice-confirm"
        onClick={() =>
          void unwrap(
            api().outreach.limitNotice({
              kind: 'invite',
              message: 'You’ve reached the weekly invitation limit',
            }),
          ).then(
            () => setDone('Invites are stopped for a week.'),
            (e: Error) => setDone(e.message),
          )
        }
      >
        Yes, stop invites
      </button>{' '}
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

function QueueList({
  items,
  selected,
  onSelect,
}: {
  items: QueueItem[];
  selected: number;
  onSelect(i: number): void;
}) {
  return (
    <ol className="queue-list" data-testid="queue-list">
      {items.map((item, i) => (
        <li key={item.id}>
          <button
            type="button"
            className={i === selected ? 'queue-list__item queue-list__item--selected' : 'queue-list__item'}
            aria-current={i === selected ? 'true' : undefined}
            data-testid="queue-row"
            data-item-id={item.id}
            onClick={() => onSelect(i)}
          >
            <span className={`kind kind--${item.kind}`}>{KIND_LABELS[item.kind].one}</span>
            <span className="queue-list__name">{item.name}</span>
            <span className="muted queue-list__company">{item.company ?? ''}</span>
            {item.problem && (
              <span className="queue-list__flag" title={item.problem}>
                !
              </span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * The seller's morning: the day's manual queue, keyboard first. J/K move, C copies the message
 * (refused, like S, while it has a problem), O
 * opens the profile in the browser, S marks it sent (booked in the quota ledger), X skips, Z
 * snoozes to the next working day, U takes the last mark back.
 */
export function TodayPage() {
  const {
    queue,
    selected,
    error,
    flash,
    history,
    date,
    picked,
    load,
    move,
    select,
    mark,
    undo,
    setError,
    setFlash,
  } = useToday();
  const [tab, setTab] = useState<'queue' | 'responses'>('queue');
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  // Assisted send: on in Settings and the LinkedIn browser signed in.
  const [assisted, setAssisted] = useState(false);
  useEffect(() => {
    void unwrap(api().linkedin.status()).then(
      (s) => setAssisted(s.assistedSend),
      () => undefined,
    );
    return api().on('linkedin.session', (s) => setAssisted(s.assistedSend));
  }, []);
  const editorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load(null);
    // Unless the seller picked a day, "today" follows the clock: checked when the window comes
    // back into view and each minute, so an app left open overnight moves on to the new day.
    const follow = () => void useToday.getState().followClock();
    window.addEventListener('focus', follow);
    document.addEventListener('visibilitychange', follow);
    const timer = window.setInterval(follow, 60_000);
    const off = api().on('data.changed', () => void load());
    return () => {
      window.removeEventListener('focus', follow);
      document.removeEventListener('visibilitychange', follow);
      window.clearInterval(timer);
      off();
    };
  }, [load]);

  const current = queue?.items[selected] ?? null;
  const draft = current ? drafts[current.id] : undefined;
  const setDraft = useCallback(
    (id: number, next: Draft | undefined) =>
      setDrafts((all) => {
        const copy = { ...all };
        if (next) copy[id] = next;
        else delete copy[id];
        return copy;
      }),
    [],
  );

  const persist = useCallback(
    async (item: QueueItem, text: Draft | undefined): Promise<boolean> => {
      try {
        const problem = await saveDraft(item, text);
        if (problem) {
          setError(`Not saved: ${problem}`);
          return false;
        }
        // The draft gives way only once the queue holds the saved text: a C pressed right after
        // Esc must copy the seller's words, not the template's still on the page.
        if (text) await load();
        setDraft(item.id, undefined);
        return true;
      } catch (e) {
        setError((e as Error).message);
        return false;
      }
    },
    [setDraft, setError, load],
  );

  const act = useCallback(
    async (action: ItemAction) => {
      if (action === 'undo') return void undo();
      if (!current) return;
      const text = currentText(current, draft);
      if (action === 'copy' || action === 'copySubject' || action === 'copyAddress') {
        // Copying the message is how it reaches LinkedIn by hand: refused as sending would be.
        if (action !== 'copyAddress') {
          const problem = draftProblem(current, draft);
          if (problem) return setError(problem);
        }
        const value =
          action === 'copy'
            ? text.body.trim()
            : action === 'copySubject'
              ? (text.subject ?? '')
              : (current.email ?? '');
        if (!value) return;
        await unwrap(api().system.copyText({ text: value }));
        setFlash(
          action === 'copy'
            ? `Copied ${current.name.split(' ')[0]}’s ${current.kind === 'invite' ? 'note' : 'message'}.`
            : action === 'copySubject'
              ? 'Copied the subject.'
              : 'Copied the address.',
        );
        return;
      }
      if (action === 'open') {
        if (!current.linkedinUrl) return setFlash(`No LinkedIn profile is known for ${current.name}.`);
        try {
          // The LinkedIn browser when it is open (the seller is signed in there), else the system's.
          const { opened } = await unwrap(api().linkedin.openProfile({ url: current.linkedinUrl }));
          if (opened) return setFlash(`Opened ${current.name}’s profile in the LinkedIn browser.`);
          await unwrap(api().system.openExternal({ url: current.linkedinUrl }));
          setFlash(`Opened ${current.name}’s profile in your browser.`);
        } catch (e) {
          setError((e as Error).message);
        }
        return;
      }
      if (action === 'assisted') {
        const problem = draftProblem(current, draft);
        if (problem) return setError(problem);
        if (!(await persist(current, draft))) return;
        setFlash(`Filled in for ${current.name} in the LinkedIn browser. Read it, then press Send there.`);
        try {
          const result = await unwrap(api().linkedin.assistedSend({ id: current.id }));
          setFlash(
            result.sent
              ? `Sent to ${current.name}; logged and counted.`
              : `Not sent: ${result.reason ?? 'closed.'}`,
          );
          await load();
        } catch (e) {
          setError((e as Error).message);
        }
        return;
      }
      if (action === 'sent') {
        const problem = draftProblem(current, draft);
        if (problem) return setError(problem);
        if (!(await persist(current, draft))) return;
      }
      const ok = await mark(current, action);
      if (ok) setDraft(current.id, undefined);
    },
    [current, draft, mark, undo, persist, setDraft, setError, setFlash, load],
  );

  useShortcuts((event) => {
    // The Answers tab has keys of its own (ResponsesTab).
    const key = tab === 'queue' ? KEYS[event.key] : undefined;
    if (!key) return false;
    if (key === 'next') move(1);
    else if (key === 'previous') move(-1);
    else if (key === 'edit') editorRef.current?.querySelector('textarea')?.focus();
    else void act(key);
    return true;
  });

  // Nothing planned at all (items that wait, as on a day off, are something: their note says so).
  const nothing = queue && queue.items.length === 0 && queue.done.length === 0 && queue.waiting === 0;
  return (
    <Page
      id="today"
      title="Today"
      actions={
        <>
          <label className="field field--inline">
            <span>Day</span>
            <input
              type="date"
              value={date ?? ''}
              data-testid="queue-date"
              onChange={(e) => e.target.value && void load(e.target.value)}
            />
          </label>
          {picked && (
            <button
              type="button"
              className="button button--small"
              data-testid="queue-today"
              onClick={() => void load(null)}
            >
              Back to today
            </button>
          )}
        </>
      }
    >
      <div className="review-tabs">
        <button
          type="button"
          className={tab === 'queue' ? 'tab tab--active' : 'tab'}
          onClick={() => setTab('queue')}
        >
          Queue
        </button>
        <button
          type="button"
          className={tab === 'responses' ? 'tab tab--active' : 'tab'}
          data-testid="tab-responses"
          onClick={() => setTab('responses')}
        >
          Answers and withdrawals
        </button>
        {queue && queue.progress.length > 0 && (
          <span className="progress-text" data-testid="progress">
            {queue.progress.map(progressText).join(' · ')}
          </span>
        )}
      </div>
      {tab === 'responses' ? (
        <ResponsesTab />
      ) : (
        <>
          {queue && queue.unplanned > 0 && (
            <PlanPanel
              unplanned={queue.unplanned}
              onApplied={(plan) => {
                setFlash(`Planned ${plan.applied} item${plan.applied === 1 ? '' : 's'}.`);
                void load();
              }}
            />
          )}
          {error && (
            <p className="field-error" role="alert" data-testid="today-error">
              {error}
            </p>
          )}
          {flash && !error && (
            <p className="muted flash" role="status" data-testid="today-flash">
              {flash}
            </p>
          )}
          {queue?.notes.map((note) => (
            <p key={note} className="notice notice--warning" data-testid="queue-note">
              {note}
            </p>
          ))}
          {nothing && queue.unplanned === 0 && (
            <EmptyState
              title="No outreach planned for this day"
              action={{ label: 'Go to Companies & contacts', page: 'records' }}
            >
              <p>
                Your manual LinkedIn queue for the day: who to invite or message, why, and the message ready
                to copy, within your daily limits. It fills once leads are scored, approved and planned.
              </p>
            </EmptyState>
          )}
          {queue && queue.items.length === 0 && queue.done.length > 0 && (
            <p className="done-all" data-testid="all-done">
              All done for {queue.date}.{' '}
              {queue.waiting > 0 && `${queue.waiting} more wait for the next days.`}
            </p>
          )}
          {queue && current && (
            <div className="today">
              <QueueList items={queue.items} selected={selected} onSelect={select} />
              <div ref={editorRef}>
                <ItemPanel
                  item={current}
                  draft={draft}
                  canUndo={history.length > 0}
                  assisted={assisted}
                  onDraft={(next) => setDraft(current.id, next)}
                  onBlur={() => void persist(current, draft)}
                  onAction={(a) => void act(a)}
                />
              </div>
            </div>
          )}
          {queue && queue.done.length > 0 && (
            <details className="done-list" data-testid="done-list">
              <summary>
                Done on {queue.date} ({queue.done.length})
              </summary>
              <ul>
                {queue.done.map((item) => (
                  <li key={item.id} data-testid="done-row">
                    {item.name} — {KIND_LABELS[item.kind].one} {item.doneAs?.status}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {queue && (
            <footer className="today__footer">
              {queue.waiting > 0 && (
                <span className="muted">{queue.waiting} due items wait for room on later days. </span>
              )}
              <LimitNotice />
            </footer>
          )}
        </>
      )}
    </Page>
  );
}
