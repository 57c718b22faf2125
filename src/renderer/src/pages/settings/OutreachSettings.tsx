import { useEffect, useState } from 'react';
import { QUOTAS, type QuotaId } from '@shared/domain/quotas';
import type { OutreachSettings } from '@shared/domain/settings/outreach';
import { api, unwrap } from '../../api';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WINDOW_WORDS = { day: 'a day', week: 'in 7 days', month: 'a month' } as const;

/** The outreach rules: time zone, working hours, every quota's limit, follow-ups. */
export function OutreachSettingsSection() {
  const [value, setValue] = useState<OutreachSettings | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    void unwrap(api().settings.all()).then(
      (all) => setValue(all.outreach),
      (e: Error) => setMessage({ text: e.message, error: true }),
    );
  }, []);
  if (!value) return null;
  const change = (patch: Partial<OutreachSettings>) => {
    setValue({ ...value, ...patch });
    setMessage(null);
  };
  const setLimit = (id: QuotaId, n: number) => change({ limits: { ...value.limits, [id]: n } });
  const save = async () => {
    try {
      const all = await unwrap(api().settings.update({ section: 'outreach', value }));
      setValue(all.outreach);
      setMessage({ text: 'Saved. The next action is counted with these limits.', error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  return (
    <section className="card outreach-settings" data-testid="outreach-settings">
      <h3>Outreach limits and working hours</h3>
      <label className="field">
        <span>Time zone (days, weeks and months are counted in it; empty is this computer’s)</span>
        <input
          value={value.timeZone}
          placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone}
          data-testid="setting-timezone"
          onChange={(e) => change({ timeZone: e.target.value.trim() })}
        />
      </label>
      <div className="field">
        <span>Working days and hours (LinkedIn actions only happen inside them)</span>
        <div className="weekdays">
          {DAYS.map((label, i) => (
            <label key={label} className="field--inline">
              <input
                type="checkbox"
                checked={value.workingHours.days.includes(i + 1)}
                onChange={(e) => {
                  const days = e.target.checked
                    ? [...value.workingHours.days, i + 1].sort()
                    : value.workingHours.days.filter((d) => d !== i + 1);
                  change({ workingHours: { ...value.workingHours, days } });
                }}
              />
              {label}
            </label>
          ))}
          <input
            type="time"
            value={value.workingHours.start}
            aria-label="Start"
            onChange={(e) => change({ workingHours: { ...value.workingHours, start: e.target.value } })}
          />
          –
          <input
            type="time"
            value={value.workingHours.end}
            aria-label="End"
            onChange={(e) => change({ workingHours: { ...value.workingHours, end: e.target.value } })}
          />
        </div>
      </div>
      <table className="limits">
        <tbody>
          {QUOTAS.map((q) => (
            <tr key={q.id}>
              <th>{q.noun}</th>
              <td>
                <input
                  type="number"
                  min={0}
                  value={value.limits[q.id]}
                  data-testid={`limit-${q.id}`}
                  onChange={(e) => setLimit(q.id, Math.max(0, Math.floor(Number(e.target.value) || 0)))}
                />{' '}
                {WINDOW_WORDS[q.window]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="suppress-form__row">
        <label className="field field--inline">
          <span>Warn at</span>
          <input
            type="number"
            min={50}
            max={100}
            value={Math.round(value.warnAt * 100)}
            onChange={(e) => change({ warnAt: Number(e.target.value) / 100 })}
          />
          %
        </label>
        <label className="field field--inline">
          <span>Follow up an accepted invite after</span>
          <input
            type="number"
            min={0}
            value={value.followUpAfterDays}
            onChange={(e) => change({ followUpAfterDays: Number(e.target.value) })}
          />
          days
        </label>
        <label className="field field--inline">
          <span>List pending invites for withdrawal after</span>
          <input
            type="number"
            min={1}
            value={value.withdrawAfterDays}
            onChange={(e) => change({ withdrawAfterDays: Number(e.target.value) })}
          />
          days
        </label>
      </div>
      <label className="field">
        <span>Your name, for {'{my_name}'} in templates</span>
        <input
          value={value.senderName}
          data-testid="setting-sender"
          onChange={(e) => change({ senderName: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="button button--primary"
        data-testid="save-outreach-settings"
        onClick={() => void save()}
      >
        Save
      </button>
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted'}
          role="status"
          data-testid="outreach-settings-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
