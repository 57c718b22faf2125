import { useEffect, useState } from 'react';
import type { StartupState } from '@shared/domain/backups';
import { api, unwrap } from '../api';
import { openedWithoutPage, useNav } from '../stores/navStore';

/**
 * Whether the core opened the database (null while asking). When the window opened without a
 * page, the app starts on the dashboard once there are contacts, on Import before.
 */
export function useStartup(): StartupState | null {
  const [state, setState] = useState<StartupState | null>(null);
  const go = useNav((s) => s.go);
  useEffect(() => {
    let current = true;
    const decide = async (): Promise<StartupState> => {
      const startup = await unwrap(api().db.startup());
      if (startup.state === 'ready' && openedWithoutPage) {
        const { contacts } = await unwrap(api().dashboard.status());
        if (contacts > 0) go('dashboard');
      }
      return startup;
    };
    decide().then(
      (startup) => current && setState(startup),
      // The core did not answer at all: show the app, whose pages say what fails.
      () => current && setState({ state: 'ready' }),
    );
    return () => {
      current = false;
    };
  }, [go]);
  return state;
}
