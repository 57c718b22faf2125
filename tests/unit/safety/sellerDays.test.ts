import { afterEach, describe, expect, it } from 'vitest';
import * as core from '../../../src/main/core/safety/zonedTime';
import * as windows from '../../../src/main/core/quotas/windows';
import * as shared from '../../../src/shared/time/zonedTime';
import { todayIn } from '../../../src/renderer/src/stores/todayStore';
import { provenanceOf } from '../../../src/main/core/records/provenance';
import { editContact } from '../../../src/main/core/records/editContact';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import { sellerTimeZone } from '../../../src/main/core/quotas/config';
import { freshDb } from '../../helpers/importing';
import { fillPipeline } from '../../helpers/pipeline';
import { handClock } from '../../helpers/tables';

const LA = 'America/Los_Angeles';

describe('one answer to "which day is it", in the seller\'s zone', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanups.splice(0)) fn();
  });

  it('the core, the quota windows and the renderer use the one shared implementation', () => {
    expect(core.dateOf).toBe(shared.dateOf);
    expect(core.periodBounds).toBe(shared.periodBounds);
    expect(windows.civilOf).toBe(shared.civilOf);
    expect(windows.parseCivil).toBe(shared.parseCivil);
    expect(windows.startOfDay).toBe(shared.startOfDay);
    // 07:50 UTC on 3 March is still the 2nd in Los Angeles, already the 3rd in Tokyo.
    const at = new Date('2026-03-03T07:50:00Z');
    expect(todayIn(LA, at)).toBe(shared.dateOf(at, LA));
    expect(todayIn(LA, at)).toBe('2026-03-02');
    expect(todayIn('Asia/Tokyo', at)).toBe('2026-03-03');
  });

  it("shows a stored time as the seller's day, and odd text as it is", () => {
    expect(shared.dayOfIso('2026-02-01T07:30:00.000Z', LA)).toBe('2026-01-31');
    expect(shared.dayOfIso('2026-02-01T07:30:00.000Z', 'UTC')).toBe('2026-02-01');
    expect(shared.dayOfIso('2025-06-01T15:30:00Z', 'Asia/Tokyo')).toBe('2025-06-02');
    expect(shared.dayOfIso('not a time', LA)).toBe('not a time');
  });

  it("the seller's zone is the outreach setting, else this computer's", () => {
    const t = freshDb();
    cleanups.push(t.cleanup);
    expect(sellerTimeZone(t.db)).toBe(shared.systemTimeZone());
    writeSettings(t.db, 'outreach', { timeZone: LA }, handClock('2026-01-01T00:00:00Z'));
    expect(sellerTimeZone(t.db)).toBe(LA);
  });

  it('a title typed at 21:00 in Los Angeles on the last day of February says that day, not 1 March', async () => {
    const t = freshDb();
    cleanups.push(t.cleanup);
    await fillPipeline(t.db);
    writeSettings(t.db, 'outreach', { timeZone: LA }, handClock('2026-01-01T00:00:00Z'));
    const id = t.db.prepare(`SELECT id FROM contacts ORDER BY id LIMIT 1`).pluck().get() as number;
    editContact(t.db, id, { title: 'Owner' }, handClock('2026-03-01T05:00:00Z'));
    expect(provenanceOf(t.db, 'contact', id).find((f) => f.field === 'title')?.source).toMatchObject({
      kind: 'manual',
      note: 'typed by you on 2026-02-28',
    });
  });
});
