import { useEffect, useState } from 'react';
import type { LinkedInSettings } from '@shared/domain/settings/linkedin';
import type { BrowserInfo } from '@shared/domain/linkedin';
import { api, unwrap } from '../../api';
import { NumberField } from './fields';

const KIND_NAMES = { chrome: 'Google Chrome', edge: 'Microsoft Edge', chromium: 'Chromium' } as const;
const FOUND_BY = {
  settings: 'the path set here',
  standard_path: 'its usual install folder',
  path_lookup: 'your PATH',
} as const;

/** What the app would open: the browser it found, and how; or why it found none. */
export function BrowserFound({ browser }: { browser: BrowserInfo }) {
  return browser.found ? (
    <p className="muted" data-testid="browser-found">
      Uses {KIND_NAMES[browser.kind]} at <code>{browser.path}</code> (found in {FOUND_BY[browser.foundBy]}).
    </p>
  ) : (
    <p className="field-error" data-testid="browser-found">
      {browser.message}
    </p>
  );
}

/** LinkedIn: which browser, LinkedIn's address, assisted send, how deep discovery reads. */
export function LinkedInSettingsSection() {
  const [value, setValue] = useState<LinkedInSettings | null>(null);
  const [browser, setBrowser] = useState<BrowserInfo | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    void unwrap(api().settings.all()).then(
      (all) => setValue(all.linkedin),
      (e: Error) => setMessage({ text: e.message, error: true }),
    );
    void unwrap(api().linkedin.status()).then(
      (s) => setBrowser(s.browser),
      () => undefined,
    );
  }, []);
  if (!value) return null;
  const change = (patch: Partial<LinkedInSettings>) => {
    setValue({ ...value, ...patch });
    setMessage(null);
  };
  const chooseBrowser = async () => {
    try {
      const chosen = await unwrap(api().system.pickBrowser());
      if (chosen) change({ browserPath: chosen });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  const save = async () => {
    try {
      const all = await unwrap(api().settings.update({ section: 'linkedin', value }));
      setValue(all.linkedin);
      setBrowser((await unwrap(api().linkedin.status())).browser);
      setMessage({ text: 'Saved. The browser uses these the next time it opens.', error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  return (
    <section className="card linkedin-settings" data-testid="linkedin-settings">
      <h3>LinkedIn</h3>
      <p className="muted">
        Prospect Desk drives your own Chrome, Edge or Chromium in a window you can see, with a browser profile
        of its own. You sign in to LinkedIn there yourself; your password is never asked for or kept.
      </p>
      <div className="field">
        <span>Browser</span>
        {/* Chosen in the system's dialog only: the page never names a program for the app to run. */}
        <div className="row">
          <code data-testid="setting-browser-path">{value.browserPath || 'found automatically'}</code>
          <button
            type="button"
            className="button button--small"
            data-testid="choose-browser"
            onClick={() => void chooseBrowser()}
          >
            Choose…
          </button>
          {value.browserPath && (
            <button
              type="button"
              className="button button--small"
              data-testid="find-browser"
              onClick={() => change({ browserPath: '' })}
            >
              Find automatically
            </button>
          )}
        </div>
      </div>
      {browser && <BrowserFound browser={browser} />}
      <label className="field">
        <span>LinkedIn address</span>
        <input
          value={value.baseUrl}
          data-testid="setting-linkedin-url"
          onChange={(e) => change({ baseUrl: e.target.value.trim() })}
        />
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={value.assistedSend}
          data-testid="setting-assisted-send"
          onChange={(e) => change({ assistedSend: e.target.checked })}
        />
        <span>
          Assisted send: from Today, open the profile in the browser and fill in the note or InMail; you press
          Send.
        </span>
      </label>
      <NumberField
        label="Result pages read per company in discovery (10 people a page)"
        value={value.pagesPerCompany}
        min={1}
        max={10}
        onChange={(n) => change({ pagesPerCompany: n })}
      />
      <p className="muted">Who counts as above the line comes from the scoring rules’ title words.</p>
      <div className="row">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          Save LinkedIn settings
        </button>
        {message && (
          <span className={message.error ? 'field-error' : 'muted'} role="status">
            {message.text}
          </span>
        )}
      </div>
    </section>
  );
}
