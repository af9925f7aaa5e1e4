// Zones, schools and users of a district (issue 7, DESIGN §1): one schema per form, shared by the
// form and its server action. FormData values are strings.
import { z } from 'zod';
import { SCHOOL_TYPES, type Role } from '@/core/domain/types';
import { numberField, textField } from '@/core/forms/zod-fields';

/** Zone and school codes: they appear in URLs (/p/[district]/[school]) and in import files. */
export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** Usernames: lower case, sign-in lower-cases what is typed (core/auth/sign-in.ts). */
export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const codeField = () => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).regex(CODE_RE, { error: 'adminForm.codeFormat' });

/** '' (no zone) or a zone id; the data layer checks the id belongs to the caller's district. */
const optionalId = z
  .string()
  .trim()
  .max(64, { error: 'invalid' })
  .optional()
  .transform((v) => (v ? v : null));

export const zoneSchema = z.object({
  code: codeField(),
  name: textField({ max: 50 }),
  sortOrder: z.preprocess((v) => (v === undefined || v === null || v === '' ? 0 : v), numberField({ min: 0, max: 9999, int: true })),
});
export type ZoneInput = z.infer<typeof zoneSchema>;

/** Deactivating a zone that still has schools asks where they go: another zone, or none. */
export const deactivateZoneSchema = z.object({
  zoneId: z.string().max(64),
  moveTo: z.string().max(64).optional(),
});

export const schoolSchema = z.object({
  code: codeField(),
  name: textField({ max: 100 }),
  type: z.enum(SCHOOL_TYPES, { error: 'required' }),
  zoneId: optionalId,
  active: z
    .string()
    .optional()
    .transform((v) => v !== 'false'),
});
export type SchoolInput = z.infer<typeof schoolSchema>;

/** Roles a district admin may give: everything below the platform (§1). */
export const DISTRICT_ROLES = ['districtAdmin', 'evaluator', 'leader', 'coordinator'] as const satisfies readonly Role[];
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

const userFields = {
  displayName: textField({ max: 50 }),
  role: z.enum(DISTRICT_ROLES, { error: 'required' }),
  schoolId: optionalId,
  zoneIds: z.array(z.string().max(64)).max(50).default([]),
};

/**
 * §1: coordinators have exactly one school; evaluators optionally zones; other roles neither.
 * Checked here so the form shows the reason beside the field.
 */
function roleScope<T extends { role: DistrictRole; schoolId: string | null; zoneIds: string[] }>(v: T, ctx: z.RefinementCtx): void {
  if (v.role === 'coordinator' && !v.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'adminForm.schoolRequired' });
  if (v.role !== 'coordinator' && v.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'adminForm.schoolNotAllowed' });
  if (v.role !== 'evaluator' && v.zoneIds.length > 0) ctx.addIssue({ code: 'custom', path: ['zoneIds'], message: 'adminForm.zonesNotAllowed' });
}

export const createUserSchema = z
  .object({
    username: z.string({ error: 'required' }).trim().toLowerCase().min(1, { error: 'required' }).regex(USERNAME_RE, { error: 'adminForm.usernameFormat' }),
    ...userFields,
  })
  .superRefine(roleScope);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({ userId: z.string().max(64), ...userFields }).superRefine(roleScope);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
