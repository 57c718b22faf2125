import type { ExportTarget } from '@shared/domain/export';
import { closeFormat } from './close';
import { genericFormat } from './generic';
import { hubspotFormat } from './hubspot';
import { salesforceFormat } from './salesforce';
import type { ExportFormat } from './types';

/** Every export format, by target. */
export const FORMATS: Record<ExportTarget, ExportFormat> = {
  close: closeFormat,
  hubspot: hubspotFormat,
  salesforce: salesforceFormat,
  generic: genericFormat,
};

export type { ColumnDef, Cell, ExportFormat } from './types';
