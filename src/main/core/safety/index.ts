/**
 * Rules every LinkedIn action obeys, shared by the browser actions and the outreach queue: working
 * hours, human pacing, caps per kind of action (the gate), and one page driven at a time.
 */
export * from './actionGate';
export { InMemoryActionGate, type MemoryGateOptions } from './memoryActionGate';
export { withWorkingHours } from './workingHoursGate';
export * from './workingHours';
export { Pacer, realSleep, randomBetween, DEFAULT_PAUSE_MS, DEFAULT_DWELL_MS } from './pacing';
export type { PacingOptions, PageKind, RandomSource, Range, Sleep } from './pacing';
export { SerialLock } from './serialLock';
export { periodBounds, systemTimeZone, wallTime, instantAt, type CalendarPeriod } from './zonedTime';
