// The shape of a frozen ranking snapshot (ranking_snapshots.rows / .settings, jsonb). Parsed on
// every read, so a snapshot written by an older version of the app fails loudly instead of
// rendering wrong numbers.
import { z } from 'zod';
import { INELIGIBILITY_REASONS } from '@/modules/ranking/domain/eligibility';
import { REPORT_STATES, SCHOOL_TYPES } from '@/core/domain/types';

const figure = z.number().min(0).max(100);
const components = z.object({ coverage: figure, timeliness: figure, score: figure, satisfaction: figure });
const values = z.object({ coverage: figure.nullable(), timeliness: figure.nullable(), score: figure.nullable(), satisfaction: figure.nullable() });
const weight = z.number().min(0).max(1);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const surveyFact = z.object({ n: z.number().int().min(0), rate: figure.nullable(), valid: z.boolean() });

export const snapshotRowSchema = z.object({
  schoolId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(SCHOOL_TYPES),
  zoneId: z.string().nullable(),
  zone: z.string().nullable(),
  values,
  components,
  composite: figure,
  eligible: z.boolean(),
  reasons: z.array(z.enum(INELIGIBILITY_REASONS)),
  rank: z.number().int().min(1).nullable(),
  inQuota: z.boolean(),
  facts: z.object({
    tally: z.object({
      obligations: z.number(),
      // Snapshots frozen before §4 counted only due obligations have no not-yet-due count.
      notYetDue: z.number().default(0),
      met: z.number(),
      onTime: z.number(),
      weightTotal: z.number(),
      weightMet: z.number(),
      weightOnTime: z.number(),
    }),
    reports: z.array(
      z.object({
        quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        state: z.enum([...REPORT_STATES, 'none']),
        score: figure.nullable(),
      }),
    ),
    surveys: z.object({ teachers: surveyFact, parents: surveyFact }),
    vetoOpen: z.number().int().min(0),
  }),
});

export const snapshotSettingsSchema = z.object({
  year: z.number().int(),
  computedOn: localDate,
  weights: z.object({ coverage: weight, timeliness: weight, score: weight, satisfaction: weight }),
  quotaPercent: z.number(),
  minComposite: z.number(),
  minResponses: z.number().int(),
  noticeWorkingDays: z.number().int(),
  groups: z.array(z.object({ schoolType: z.enum(SCHOOL_TYPES), schools: z.number().int(), eligible: z.number().int(), quota: z.number().int(), awarded: z.number().int() })),
  /** As printed on the notice when it was published (district data may change later). */
  districtName: z.string(),
  issuingBody: z.string(),
  /** Where objections are lodged besides the online form (office, telephone, address); absent in notices published before issue 14. */
  noticeContact: z.string().optional(),
});

export const snapshotRowsSchema = z.array(snapshotRowSchema);
export type SnapshotSettings = z.infer<typeof snapshotSettingsSchema>;
