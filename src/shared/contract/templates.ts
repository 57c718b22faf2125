import { z } from 'zod';
import { defineCall } from './define';
import { OUTREACH_KINDS, type OutreachKind } from '../domain/outreach';
import {
  TEMPLATE_VARIABLES,
  type Template,
  type TemplateValues,
  type TemplateVariable,
} from '../domain/templates';

const id = z.number().int().positive();
const kind = z.enum(OUTREACH_KINDS as [OutreachKind, ...OutreachKind[]]);
const variable = z.enum(TEMPLATE_VARIABLES.map((v) => v.name) as [TemplateVariable, ...TemplateVariable[]]);

export const templateCalls = {
  'templates.list': defineCall('core', z.undefined()).returns<Template[]>(),
  /** Adds (no id) or changes a template; an invite template over 300 characters is refused. */
  'templates.save': defineCall(
    'core',
    z
      .object({
        id: id.optional(),
        kind,
        name: z.string().min(1).max(100),
        subject: z.string().max(1000).nullable().optional(),
        body: z.string().min(1).max(20_000),
        fallbacks: z.partialRecord(variable, z.string().max(200)).optional(),
        isDefault: z.boolean().optional(),
      })
      .strict(),
  ).returns<Template>(),
  'templates.delete': defineCall('core', z.object({ id }).strict()).returns<Template[]>(),
  /** A contact's values for every variable (null where the contact has none), for the preview. */
  'templates.values': defineCall('core', z.object({ contactId: id }).strict()).returns<TemplateValues>(),
};
