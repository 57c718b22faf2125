/**
 * The core's door to zoned wall time. The implementation lives in src/shared/time so the renderer
 * (the Today page's "is it still the same day") counts days exactly as the core does.
 */
export * from '@shared/time/zonedTime';
