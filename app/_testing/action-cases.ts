// One entry per server action of the app (issue 8). The isolation matrix and the fuzzer both
// read this table, and both fail when an action exists without an entry (or an entry names an
// action that no longer exists). To add an action: add its entry here, saying how an attacker
// would aim it at someone else's records.
import { randomUUID } from 'node:crypto';
import { form, type Target } from './harness';

const IDLE = { status: 'idle' } as const;

export interface ActionCase {
  /**
   * Argument lists of attempts on the target's records (another district's, or — for a
   * coordinator — another school's). Every attempt must change nothing of the target.
   */
  attacks: (t: Target) => unknown[][];
  /**
   * Absent: the attempt must be refused and write nothing at all. Present: why the action may
   * legitimately succeed on the caller's own records (the payload's foreign ids are ignored);
   * then only "nothing of the target changed" is required.
   */
  ownWrite?: string;
  /** The role whose legitimate use is fuzzed (a demo username; null = signed out / public). */
  fuzzAs: string | null;
  /** Public actions (no sign-in): not attacked as district roles; the reason is shown. */
  publicReason?: string;
  /** Custom argument lists for fuzzing (default: the first attack's form fields, values fuzzed). */
  fuzzArgs?: 'draft' | 'evidenceLink' | 'evidenceRemove' | 'evidencePending' | 'discardDraft' | 'objection' | 'locale';
}

const fd = (values: Parameters<typeof form>[0]) => [IDLE, form(values)];
const ADMIN = 'dongcheng.admin';
const EVAL = 'dongcheng.eval';
const LEADER = 'dongcheng.leader';
const COORD = 'dongcheng.dc01';

const itemFields = (t: Target) => ({
  year: t.year,
  originalCode: t.itemCode,
  code: t.itemCode,
  domain: 'finance',
  title: '被篡改的条目',
  frequency: 'quarterly',
  timing: 'during',
  audience: 'both',
  channels: ['website'],
  weight: 1,
  mandatory: 'true',
  templateId: t.templateId,
  districtId: t.districtId,
});

export const ACTION_CASES: Record<string, ActionCase> = {
  // --- district administration -----------------------------------------------------------
  'modules/org/actions/settings.ts#saveSettingsAction': {
    attacks: (t) => [
      fd({
        year: t.year,
        reportDueDays: 15,
        closeDays: 30,
        weightCoverage: 0.4,
        weightTimeliness: 0.2,
        weightScore: 0.3,
        weightSatisfaction: 0.1,
        quotaPercent: 20,
        minComposite: 60,
        minResponses: 5,
        noticeWorkingDays: 5,
        districtId: t.districtId,
      }),
    ],
    ownWrite: 'settings are always the caller’s own district’s; a district id in the payload is ignored',
    fuzzAs: ADMIN,
  },
  'modules/org/actions/settings.ts#saveNoticeContactAction': {
    attacks: (t) => [fd({ noticeContact: '督导室 电话 010-1234 5678', districtId: t.districtId })],
    ownWrite: 'the contact is always the caller’s own district’s; a district id in the payload is ignored',
    fuzzAs: ADMIN,
  },
  'modules/org/actions/settings.ts#toggleUserAction': { attacks: (t) => [fd({ userId: t.userId, disabled: 'true' })], fuzzAs: ADMIN },
  'modules/org/actions/users.ts#createUserAction': {
    attacks: (t) => [
      fd({ username: `intruder${t.label}`, displayName: '入侵者', role: 'coordinator', schoolId: t.schoolId }),
      fd({ username: `intruderz${t.label}`, displayName: '入侵者', role: 'evaluator', zoneIds: [t.zoneId] }),
    ],
    fuzzAs: ADMIN,
  },
  'modules/org/actions/users.ts#updateUserAction': {
    attacks: (t) => [fd({ userId: t.userId, displayName: '改名', role: 'coordinator', schoolId: t.schoolId })],
    fuzzAs: ADMIN,
  },
  'modules/org/actions/users.ts#resetPasswordAction': { attacks: (t) => [fd({ userId: t.userId })], fuzzAs: ADMIN },
  'modules/org/actions/zones.ts#saveZoneAction': { attacks: (t) => [fd({ zoneId: t.zoneId, code: 'zx', name: '改名片区', sortOrder: 1 })], fuzzAs: ADMIN },
  'modules/org/actions/zones.ts#deactivateZoneAction': { attacks: (t) => [fd({ zoneId: t.zoneId, moveTo: 'none' })], fuzzAs: ADMIN },
  'modules/org/actions/zones.ts#reactivateZoneAction': { attacks: (t) => [fd({ zoneId: t.zoneId })], fuzzAs: ADMIN },
  'modules/org/actions/schools.ts#saveSchoolAction': {
    attacks: (t) => [fd({ schoolId: t.schoolId, code: 'x999', name: '改名学校', type: 'primary', zoneId: t.zoneId })],
    fuzzAs: ADMIN,
  },
  'modules/org/actions/schools.ts#setSchoolActiveAction': { attacks: (t) => [fd({ schoolId: t.schoolId, active: 'false' })], fuzzAs: ADMIN },
  'modules/org/actions/holidays.ts#saveHolidayAction': {
    attacks: (t) => [fd({ day: t.holidayDay, name: '假日', districtId: t.districtId })],
    ownWrite: 'holidays are the caller’s own district’s',
    fuzzAs: ADMIN,
  },
  'modules/org/actions/holidays.ts#removeHolidayAction': {
    attacks: (t) => [fd({ day: t.holidayDay, districtId: t.districtId })],
    ownWrite: 'removes the caller’s own district’s holiday on that day, if any',
    fuzzAs: ADMIN,
  },
  'modules/surveys/actions/admin.ts#createSurveyAction': {
    attacks: (t) => [fd({ year: t.year + 1, group: 'parent', title: '问卷', opensOn: `${t.year + 1}-03-01`, closesOn: `${t.year + 1}-03-31`, districtId: t.districtId })],
    ownWrite: 'creates a survey of the caller’s own district',
    fuzzAs: ADMIN,
  },
  'modules/surveys/actions/admin.ts#updateSurveyAction': {
    attacks: (t) => [fd({ surveyId: t.surveyId, title: '改名问卷', opensOn: `${t.year}-12-01`, closesOn: `${t.year}-12-31` })],
    fuzzAs: ADMIN,
  },
  'modules/surveys/actions/admin.ts#saveQuestionsAction': { attacks: (t) => [fd({ surveyId: t.surveyId, likert0: '新问题', freeText: '建议' })], fuzzAs: ADMIN },
  'modules/surveys/actions/admin.ts#generateCodesAction': {
    attacks: (t) => [fd({ surveyId: t.surveyId, schoolId: t.schoolId, count: 3 })],
    fuzzAs: ADMIN,
  },
  'modules/checklist/actions/district.ts#startChecklistAction': {
    attacks: (t) => [fd({ year: t.year + 1, source: 'template', templateId: t.templateId, districtId: t.districtId })],
    ownWrite: 'starts the caller’s own district’s checklist of a year',
    fuzzAs: ADMIN,
  },
  'modules/checklist/actions/district.ts#saveItemAction': {
    attacks: (t) => [fd(itemFields(t))],
    ownWrite: 'edits the item of that code in the caller’s own district’s checklist',
    fuzzAs: ADMIN,
  },
  'modules/checklist/actions/district.ts#retireItemAction': {
    attacks: (t) => [fd({ year: t.year, code: t.itemCode, retired: 'true', districtId: t.districtId })],
    ownWrite: 'retires the item of that code in the caller’s own district’s checklist',
    fuzzAs: ADMIN,
  },
  'modules/checklist/actions/district.ts#importChecklistAction': {
    attacks: (t) => [fd({ year: t.year, districtId: t.districtId, file: new Blob([JSON.stringify({ year: t.year, items: [] })], { type: 'application/json' }) })],
    ownWrite: 'imports into the caller’s own district’s checklist',
    fuzzAs: ADMIN,
  },

  // --- platform ----------------------------------------------------------------------------
  'modules/org/actions/platform.ts#createDistrictAction': {
    attacks: (t) => [fd({ code: `evil${t.label}`, name: '伪造区', issuingBody: '伪造', adminUsername: `evil${t.label}.admin`, adminDisplayName: '伪造' })],
    fuzzAs: 'platform',
  },
  'modules/checklist/actions/templates.ts#copyTemplateAction': { attacks: (t) => [fd({ fromId: t.templateId, code: `copy${t.label}`, name: '复制' })], fuzzAs: 'platform' },
  'modules/checklist/actions/templates.ts#renameTemplateAction': { attacks: (t) => [fd({ templateId: t.templateId, code: 'renamed', name: '改名' })], fuzzAs: 'platform' },
  'modules/checklist/actions/templates.ts#saveTemplateItemAction': { attacks: (t) => [fd(itemFields(t))], fuzzAs: 'platform' },
  'modules/checklist/actions/templates.ts#removeTemplateItemAction': { attacks: (t) => [fd({ templateId: t.templateId, code: t.itemCode })], fuzzAs: 'platform' },

  // --- evaluators --------------------------------------------------------------------------
  'modules/reports/actions/review.ts#rejectAction': { attacks: (t) => [fd({ disclosureId: t.disclosureId, reason: '驳回' })], fuzzAs: EVAL },
  'modules/reports/actions/review.ts#withdrawRejectionAction': { attacks: (t) => [fd({ rejectionId: t.rejectionId })], fuzzAs: EVAL },
  'modules/reports/actions/review.ts#commentAction': {
    attacks: (t) => [fd({ reportId: t.reportId, itemCode: t.itemCode, periodKey: t.periodKey, comment: '意见' })],
    fuzzAs: EVAL,
  },
  'modules/reports/actions/review.ts#scoreAction': {
    attacks: (t) => [fd({ reportId: t.reportId, attention: 10, content: 10, form: 10, procedure: 10, rules: 10, comment: '评分' })],
    fuzzAs: EVAL,
  },
  'modules/reports/actions/review.ts#transitionAction': {
    attacks: (t) => [
      fd({ reportId: t.reportId, action: 'return', reason: '退回', version: t.reportVersion }),
      fd({ reportId: t.reportId, action: 'approve', version: t.reportVersion }),
      fd({ reportId: t.reportId, action: 'reopen', reason: '重开', version: t.reportVersion }),
    ],
    fuzzAs: EVAL,
  },
  'modules/reports/actions/review.ts#challengeAction': { attacks: (t) => [fd({ statementId: t.noMatterId, note: '质疑' })], fuzzAs: EVAL },
  'modules/reports/actions/findings.ts#raiseFindingAction': {
    attacks: (t) => [fd({ schoolId: t.schoolId, severity: 'veto', itemCode: t.itemCode, dueOn: `${t.year}-12-31`, title: '问题', description: '描述' })],
    fuzzAs: EVAL,
  },
  'modules/reports/actions/findings.ts#findingStatusAction': {
    attacks: (t) => [fd({ findingId: t.findingId, action: 'close', note: '关闭' }), fd({ findingId: t.findingId, action: 'reopen', note: '重开' })],
    fuzzAs: EVAL,
  },
  'modules/reports/actions/findings.ts#returnRectificationAction': {
    attacks: (t) => [fd({ findingId: t.findingId, reason: '整改不到位', dueOn: `${t.year + 1}-01-31` })],
    fuzzAs: EVAL,
  },
  'modules/ranking/actions/workflow.ts#publishAction': {
    attacks: (t) => [fd({ year: t.year - 2, districtId: t.districtId })],
    ownWrite: 'publishes the caller’s own district’s 公示 of that year',
    fuzzAs: EVAL,
  },
  'modules/ranking/actions/workflow.ts#approveAction': { attacks: (t) => [fd({ snapshotId: t.snapshotId })], fuzzAs: LEADER },
  'modules/ranking/actions/workflow.ts#reopenAction': { attacks: (t) => [fd({ snapshotId: t.snapshotId, reason: '重新公示' })], fuzzAs: LEADER },
  'modules/ranking/actions/workflow.ts#answerAction': { attacks: (t) => [fd({ objectionId: t.objectionId, answer: '答复' })], fuzzAs: EVAL },

  // --- every signed-in user ----------------------------------------------------------------
  'modules/org/actions/tokens.ts#createTokenAction': {
    attacks: (t) => [fd({ name: '令牌', userId: t.userId, districtId: t.districtId })],
    ownWrite: 'a token is always the caller’s own',
    fuzzAs: EVAL,
  },
  'modules/org/actions/tokens.ts#revokeTokenAction': { attacks: (t) => [fd({ tokenId: t.tokenId })], fuzzAs: EVAL },
  'modules/org/actions/password.ts#changePasswordAction': {
    attacks: (t) => [fd({ current: 'Sunlight-2026', next: 'Intruder-2026!', confirm: 'Intruder-2026!', userId: t.userId })],
    ownWrite: 'changes only the caller’s own password (the payload’s user id is ignored)',
    fuzzAs: LEADER,
  },

  // --- school coordinators -----------------------------------------------------------------
  'modules/reports/actions/school-report.ts#submitReportAction': {
    attacks: (t) => [fd({ year: t.year, quarter: t.quarter, version: t.reportVersion, confirmGaps: 'on', schoolId: t.schoolId, reportId: t.reportId })],
    ownWrite: 'submits the caller’s own school’s report of that quarter',
    fuzzAs: COORD,
  },
  'core/forms/draft-actions.ts#saveDraftAction': {
    attacks: (t) => [[`disclosure:${t.disclosureId}`, { summary: '草稿', schoolId: t.schoolId }, Date.now()]],
    ownWrite: 'drafts belong to the caller',
    fuzzAs: COORD,
    fuzzArgs: 'draft',
  },
  'core/forms/draft-actions.ts#ensureDraftAction': {
    attacks: (t) => [[`disclosure:${t.disclosureId}`, { summary: '草稿' }]],
    ownWrite: 'drafts belong to the caller',
    fuzzAs: COORD,
    fuzzArgs: 'draft',
  },
  'core/forms/draft-actions.ts#discardDraftAction': {
    attacks: (t) => [[`disclosure:${t.disclosureId}`]],
    ownWrite: 'forgets the caller’s own draft of that key',
    fuzzAs: COORD,
    fuzzArgs: 'discardDraft',
  },
  'modules/obligations/actions/events.ts#declareEventAction': {
    attacks: (t) => [fd({ itemCode: t.itemCode, eventDate: `${t.year}-10-15`, title: '事项', schoolId: t.schoolId })],
    ownWrite: 'declares an event of the caller’s own school',
    fuzzAs: COORD,
  },
  'modules/obligations/actions/events.ts#deleteEventAction': { attacks: (t) => [fd({ id: t.eventId })], fuzzAs: COORD },
  'modules/obligations/actions/events.ts#noMatterAction': {
    attacks: (t) => [fd({ itemCode: t.itemCode, year: t.year, quarter: t.quarter, reason: '无此事项', schoolId: t.schoolId })],
    ownWrite: 'states "no such matter" for the caller’s own school',
    fuzzAs: COORD,
  },
  'modules/obligations/actions/events.ts#withdrawNoMatterAction': { attacks: (t) => [fd({ id: t.noMatterId })], fuzzAs: COORD },
  'modules/disclosures/actions/disclosures.ts#saveDisclosureAction': {
    attacks: (t) => [
      fd({ mode: 'edit', id: t.disclosureId, version: t.disclosureVersion, disclosedOn: `${t.year}-10-10`, channels: ['website'], audience: 'both', summary: '篡改' }),
      // Someone else's record id offered as the id of a new record.
      fd({ mode: 'new', id: t.disclosureId, itemCode: t.itemCode, periodKey: t.periodKey, disclosedOn: `${t.year}-10-10`, channels: ['website'], audience: 'both', summary: '篡改' }),
    ],
    fuzzAs: COORD,
  },
  'modules/disclosures/actions/disclosures.ts#deleteDisclosureAction': { attacks: (t) => [fd({ id: t.disclosureId, version: t.disclosureVersion })], fuzzAs: COORD },
  'modules/reports/actions/school-findings.ts#respondAction': {
    attacks: (t) => [fd({ findingId: t.findingId, rectificationId: randomUUID(), response: '已整改' })],
    fuzzAs: COORD,
  },
  'modules/surveys/actions/school.ts#generateSchoolCodesAction': { attacks: (t) => [fd({ surveyId: t.surveyId, schoolId: t.schoolId, count: 2 })], fuzzAs: COORD },
  'modules/disclosures/actions/evidence.ts#addEvidenceLinkAction': {
    attacks: (t) => [
      ['disclosure', t.disclosureId, 'https://example.org/evidence'],
      ['rectification', t.findingId, 'https://example.org/evidence'],
    ],
    ownWrite:
      'an id the caller cannot see is taken as the client-chosen id of a record not yet saved: the link is held as pending evidence of the caller’s own school, and the other school’s record is untouched',
    fuzzAs: COORD,
    fuzzArgs: 'evidenceLink',
  },
  'modules/disclosures/actions/evidence.ts#discardPendingEvidenceAction': {
    attacks: (t) => [
      ['disclosure', t.disclosureId],
      ['rectification', t.findingId],
    ],
    ownWrite: 'only evidence still pending for a record the caller’s own school never saved is dropped; another school’s saved records and their evidence are untouched',
    fuzzAs: COORD,
    fuzzArgs: 'evidencePending',
  },
  'modules/disclosures/actions/evidence.ts#removeEvidenceAction': { attacks: (t) => [[t.evidenceId]], fuzzAs: COORD, fuzzArgs: 'evidenceRemove' },

  // --- generated documents (issue 17) ------------------------------------------------------
  'modules/documents/actions/texts.ts#saveSchoolSummaryAction': {
    attacks: (t) => [
      fd({ year: t.year, version: 0, leadership: '篡改的领导小组', nextSteps: '篡改', schoolId: t.schoolId, districtId: t.districtId }),
      fd({ year: t.year - 1, version: 1, rules: '篡改的制度', schoolId: t.schoolId }),
    ],
    ownWrite: 'a summary’s texts are always the caller’s own school’s (the school comes from the session); the school and district in the payload are ignored',
    fuzzAs: COORD,
  },
  'modules/documents/actions/texts.ts#saveDistrictTextsAction': {
    attacks: (t) => [
      fd({ kind: 'quarterly', year: t.year, quarter: t.quarter, version: 0, docNumber: '伪造〔2026〕1号', issuingOffice: '伪造机关', districtId: t.districtId }),
      fd({ kind: 'annual', year: t.year - 1, version: 0, intro: '伪造的开头', districtId: t.districtId }),
    ],
    ownWrite: 'district document texts are always the caller’s own district’s (whole-district evaluators only); a district id in the payload is ignored',
    fuzzAs: EVAL,
  },

  // --- reminders (issue 16) ---------------------------------------------------------------
  'modules/reminders/actions/admin.ts#saveScheduleAction': {
    attacks: (t) => [fd({ enabled: 'on', dailyHour: 9, skipWeekends: 'on', skipHolidays: 'on', dueSoonDays: 7, reviewWaitDays: 5, findingDueSoonDays: 3, districtId: t.districtId })],
    ownWrite: 'the schedule is always the caller’s own district’s; a district id in the payload is ignored',
    fuzzAs: ADMIN,
  },
  'modules/reminders/actions/admin.ts#saveSmtpAction': {
    attacks: (t) => [fd({ host: 'smtp.example.cn', port: 465, tls: 'tls', user: 'u', password: 'p', from: 'noreply@example.cn', districtId: t.districtId })],
    ownWrite: 'the SMTP server is the caller’s own district’s',
    fuzzAs: ADMIN,
  },
  'modules/reminders/actions/admin.ts#saveWebhookAction': {
    attacks: (t) => [fd({ url: 'https://sms.example.cn/hook', secret: 's', districtId: t.districtId })],
    ownWrite: 'the webhook is the caller’s own district’s',
    fuzzAs: ADMIN,
  },
  'modules/reminders/actions/admin.ts#addRobotAction': {
    attacks: (t) => [fd({ kind: 'dingtalk', name: '机器人', zoneId: t.zoneId, url: 'https://oapi.dingtalk.com/robot/send?access_token=x' })],
    fuzzAs: ADMIN,
  },
  'modules/reminders/actions/admin.ts#removeRobotAction': { attacks: (t) => [fd({ robotId: t.robotId })], fuzzAs: ADMIN },
  'modules/reminders/actions/admin.ts#sendTestEmailAction': {
    attacks: (t) => [fd({ to: 'someone@example.cn', districtId: t.districtId })],
    ownWrite: 'sends through the caller’s own district’s SMTP server (none in the seed); writes nothing',
    fuzzAs: ADMIN,
  },
  'modules/reminders/actions/admin.ts#sendTestRobotAction': { attacks: (t) => [fd({ robotId: t.robotId })], fuzzAs: ADMIN },
  'modules/reminders/actions/admin.ts#retryDeliveryAction': { attacks: (t) => [fd({ deliveryId: t.deliveryId })], fuzzAs: ADMIN },
  'modules/reminders/actions/urge.ts#urgeAction': { attacks: (t) => [fd({ schoolId: [t.schoolId] })], fuzzAs: EVAL },
  'modules/reminders/actions/inbox.ts#markReadAction': { attacks: (t) => [fd({ messageId: t.messageId })], fuzzAs: COORD },
  'modules/reminders/actions/inbox.ts#markAllReadAction': {
    attacks: (t) => [fd({ recipientId: t.coordinatorUserId, districtId: t.districtId })],
    ownWrite: 'marks the caller’s own messages read',
    fuzzAs: COORD,
  },
  'modules/reminders/actions/preferences.ts#savePreferencesAction': {
    attacks: (t) => [fd({ email: 'intruder@example.cn', byEmail: 'on', userId: t.coordinatorUserId })],
    ownWrite: 'saves the caller’s own channel choices (the payload’s user id is ignored)',
    fuzzAs: COORD,
  },

  // --- public ------------------------------------------------------------------------------
  'modules/surveys/actions/answer.ts#submitAnswerAction': {
    attacks: () => [],
    publicReason: 'anonymous survey answer: the one-time code alone decides the school (codes are tested in surveys.int.test.ts)',
    fuzzAs: null,
  },
  'modules/ranking/actions/objections.ts#lodgeObjectionAction': {
    attacks: () => [],
    publicReason: 'anyone may object to a published 公示 (DESIGN §6); the district comes from the public URL',
    fuzzAs: null,
    fuzzArgs: 'objection',
  },
  'core/i18n/actions.ts#setLocale': {
    attacks: () => [[form({ locale: 'en' })]],
    ownWrite: 'sets the caller’s language cookie only',
    fuzzAs: null,
    fuzzArgs: 'locale',
  },
};
