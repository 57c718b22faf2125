import { foldText } from '../../normalize/text';

/** A header as compared: folded, and without a "(2)" we added to keep repeated names apart. */
export const headerKey = (header: string): string => foldText(header.replace(/\s\(\d+\)$/, ''));
