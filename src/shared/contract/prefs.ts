import { z } from 'zod';
import { defineCall } from './define';
import { prefsPatchSchema, type Prefs, type PrefsState } from '../domain/prefs';

export const prefsCalls = {
  'prefs.get': defineCall('main', z.undefined()).returns<PrefsState>(),
  'prefs.set': defineCall('main', prefsPatchSchema).returns<Prefs>(),
  'prefs.dismissNotice': defineCall('main', z.undefined()).returns<PrefsState>(),
};
