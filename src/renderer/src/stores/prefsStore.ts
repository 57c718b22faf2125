import { create } from 'zustand';
import type { Prefs, PrefsPatch } from '@shared/domain/prefs';
import { api, unwrap } from '../api';

interface PrefsStoreState {
  prefs: Prefs | null;
  notice: string | null;
  load(): Promise<void>;
  update(patch: PrefsPatch): Promise<void>;
  dismissNotice(): Promise<void>;
}

export const usePrefs = create<PrefsStoreState>((set) => ({
  prefs: null,
  notice: null,
  async load() {
    const state = await unwrap(api().prefs.get());
    set({ prefs: state.prefs, notice: state.notice });
  },
  async update(patch) {
    const prefs = await unwrap(api().prefs.set(patch));
    set({ prefs });
  },
  async dismissNotice() {
    const state = await unwrap(api().prefs.dismissNotice());
    set({ notice: state.notice });
  },
}));
