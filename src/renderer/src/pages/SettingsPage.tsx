import { useEffect, useState } from 'react';
import type { SecretStatus } from '@shared/domain/secrets';
import type { DbInfo } from '@shared/domain/db';
import type { AppInfo } from '@shared/contract/app';
import { formatBytes } from '@shared/domain/format';
import { api, unwrap } from '../api';
import { usePrefs } from '../stores/prefsStore';
import { SecretField } from '../components/SecretField';
import { Page } from '../components/Page';
import { ScoringSection } from './settings/ScoringSection';
import { FactorOutcomes } from './dashboard/FactorOutcomes';
import { DedupeSection } from './settings/DedupeSection';
import { OutreachSettingsSection } from './settings/OutreachSettings';
// Backups and data retention (the trust issue): their own files, placed at the end of the page.
import { BackupsSection } from './settings/BackupsSection';
import { PrivacySection } from './settings/PrivacySection';
import { EnrichSection } from './settings/EnrichSection';
import { LinkedInSettingsSection } from './settings/LinkedInSettings';

function PreferencesSection() {
  const { prefs, notice, update, dismissNotice } = usePrefs();
  if (!prefs) return null;
  return (
    <section className="card">
      <h3>Preferences</h3>
      {notice && (
        <div className="notice notice--warning" role="status" data-testid="prefs-notice">
          <p>{notice}</p>
          <button type="button" className="button button--small" onClick={() => void dismissNotice()}>
            Got it
          </button>
        </div>
      )}
      <label className="field">
        <span>Appearance</span>
        <select
          value={prefs.theme}
          data-testid="pref-theme"
          onChange={(e) => void update({ theme: e.target.value as typeof prefs.theme })}
        >
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label className="field">
        <span>Table density</span>
        <select
          value={prefs.density}
          onChange={(e) => void update({ density: e.target.value as typeof prefs.density })}
        >
          <option value="comfortable">Comfortable</option>
          <option value="compact">Compact</option>
        </select>
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={prefs.confirmDestructive}
          onChange={(e) => void update({ confirmDestructive: e.target.checked })}
        />
        <span>Ask before undoing an import or erasing a person</span>
      </label>
    </section>
  );
}

function KeysSection() {
  const [statuses, setStatuses] = useState<SecretStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api().secrets.status()).then(setStatuses, (e: Error) => setError(e.message));
  }, []);
  return (
    <section className="card" data-testid="keys-section">
      <h3>API keys</h3>
      <p className="muted">
        Keys are kept in your system keychain and never in Prospect Desk’s files. Only their last four
        characters are shown.
      </p>
      {error && <p className="field-error">{error}</p>}
      {!statuses && !error && <p className="muted">Checking the keychain…</p>}
      {statuses?.map((status) => (
        <SecretField
          key={status.name}
          status={status}
          onChange={(next) =>
            setStatuses((all) => all?.map((s) => (s.name === next.name ? next : s)) ?? null)
          }
        />
      ))}
    </section>
  );
}

function DataSection() {
  const [info, setInfo] = useState<{ app: AppInfo; db: DbInfo } | null>(null);
  useEffect(() => {
    void Promise.all([unwrap(api().app.info()), unwrap(api().db.info())]).then(([app, db]) =>
      setInfo({ app, db }),
    );
  }, []);
  if (!info) return null;
  return (
    <section className="card" data-testid="data-section">
      <h3>Your data</h3>
      <dl className="facts">
        <dt>Database</dt>
        <dd>{info.app.dbPath}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(info.db.fileBytes)}</dd>
        <dt>Schema version</dt>
        <dd data-testid="schema-version">{info.db.schemaVersion}</dd>
        <dt>Version</dt>
        <dd>{info.app.version}</dd>
      </dl>
      <p className="muted">
        Backups are below; from the command line, <code>npm run cli -- db backup FILE</code> is safe while the
        app runs.
      </p>
    </section>
  );
}

export function SettingsPage() {
  return (
    <Page id="settings" title="Settings">
      <div className="stack">
        <PreferencesSection />
        <ScoringSection />
        {/* Beside the weights: which of them have predicted replies so far. */}
        <FactorOutcomes />
        <DedupeSection />
        <KeysSection />
        <OutreachSettingsSection />
        <EnrichSection />
        <LinkedInSettingsSection />
        <DataSection />
        {/* Backups and data retention (trust issue): kept last, in their own files. */}
        <BackupsSection />
        <PrivacySection />
      </div>
    </Page>
  );
}
