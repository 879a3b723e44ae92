import { badRequest, conflict, DomainError } from '../common/errors.js';

export const CaseErrors = {
  notFound: () => new DomainError('CASE_NOT_FOUND', 404, { zh: '找不到该信访事项。', en: 'No such case.' }),
  changedConcurrently: () =>
    new DomainError('CASE_CHANGED_CONCURRENTLY', 409, {
      zh: '该事项刚被他人修改，请刷新后重试。',
      en: 'The case was changed by someone else just now; reload and try again.',
    }),
  idempotencyKeyReused: () =>
    new DomainError('IDEMPOTENCY_KEY_REUSED', 409, {
      zh: '该幂等键已用于另一份不同的登记内容，请使用新的幂等键。',
      en: 'This Idempotency-Key was already used for a different registration; use a new key.',
    }),
  invalidIdempotencyKey: () =>
    new DomainError('INVALID_IDEMPOTENCY_KEY', 400, {
      zh: 'Idempotency-Key 须为 1 至 100 个字母、数字或 -_.: 字符。',
      en: 'Idempotency-Key must be 1 to 100 letters, digits or -_.: characters.',
    }),
  /** `field`: where the number was typed (the intake form's `petitioner.idNumber`, or a lookup's `idNumber`). */
  invalidIdNumber: (field = 'petitioner.idNumber') =>
    new DomainError(
      'INVALID_ID_NUMBER',
      400,
      { zh: '身份证号码无效（位数、出生日期或校验位不正确），请核对后重新输入。', en: 'The ID number is not valid (length, birth date or check digit); please check it.' },
      { field },
    ),
  invalidPhone: (field = 'petitioner.phone') =>
    new DomainError(
      'INVALID_PHONE',
      400,
      { zh: '联系电话格式不正确，请填写手机号或带区号的固定电话。', en: 'The phone number is not valid; give a mobile number or a landline with area code.' },
      { field },
    ),
  petitionerLookupRequired: () =>
    badRequest(
      'PETITIONER_LOOKUP_REQUIRED',
      { zh: '请填写信访人的身份证号码或联系电话（至少一项）。', en: "Give the petitioner's ID number or phone (at least one)." },
      { fields: ['idNumber', 'phone'] },
    ),
  receivedInFuture: (toleranceMinutes: number) =>
    new DomainError(
      'RECEIVED_AT_IN_FUTURE',
      400,
      {
        zh: `收信/来访时间不能晚于当前时间（允许误差 ${toleranceMinutes} 分钟）。`,
        en: `receivedAt cannot lie in the future (tolerance ${toleranceMinutes} minutes).`,
      },
      { field: 'receivedAt' },
    ),
  receivedTooLongAgo: () =>
    new DomainError(
      'RECEIVED_AT_TOO_OLD',
      400,
      { zh: '收信/来访时间早于 5 年前，请核对。', en: 'receivedAt lies more than 5 years back; please check it.' },
      { field: 'receivedAt' },
    ),
  unknownRelatedCases: (ids: string[]) =>
    new DomainError(
      'UNKNOWN_RELATED_CASE',
      400,
      { zh: `关联的信访事项不存在：${ids.join('、')}。`, en: `Related case(s) not found: ${ids.join(', ')}.` },
      { ids },
    ),
  unknownReportingDeputy: () =>
    new DomainError(
      'REPORTING_DEPUTY_UNKNOWN',
      422,
      { zh: '反映问题的代表不在代表名册中或已停用，请从名册中选择。', en: 'The reporting deputy is not an active deputy of the directory.' },
      { field: 'reportedByDeputyId' },
    ),
  leaderInactive: () => new DomainError('LEADER_INACTIVE', 409, { zh: '该领导已停用，不能包案。', en: 'This leader is inactive.' }),
  leaderAtCapacity: (max: number) =>
    new DomainError('LEADER_AT_CAPACITY', 409, {
      zh: `该领导包案数已达上限（${max} 件），请选择其他领导或先办结在办事项。`,
      en: `This leader already has the maximum of ${max} active cases.`,
    }),
  /** The lifecycle refuses the action (or change) in the case's current status. */
  invalidTransition: (action: string, actionZh: string, status: string, statusZh: string, allowed: readonly string[]) =>
    conflict(
      'CASE_INVALID_TRANSITION',
      {
        zh: `当前状态（${statusZh}）不能执行“${actionZh}”操作。`,
        en: `Action "${action}" is not allowed while the case is "${status}".`,
      },
      { action, status, allowed },
    ),
  routeToExternalUnit: (handledBy: string) =>
    badRequest(
      'ROUTE_TO_EXTERNAL_UNIT',
      {
        zh: `“${handledBy}”是外部单位，外部单位请使用“转送”。`,
        en: `"${handledBy}" is an external body; use "transfer" for external bodies.`,
      },
      { handledBy },
    ),
  transferToInternalUnit: (handledBy: string, kind: string) =>
    badRequest(
      'TRANSFER_TO_INTERNAL_UNIT',
      {
        zh: `“${handledBy}”不是外部单位，本会内部办理请使用“分流交办”。`,
        en: `"${handledBy}" is not an external body; use "route" for internal handling.`,
      },
      { handledBy, kind },
    ),
  /** `shown`: the unit code typed, when it looks like one and holds no personal data (else not named back). */
  unknownUnit: (shown: string | null) =>
    badRequest(
      'UNKNOWN_UNIT',
      shown
        ? { zh: `单位“${shown}”不存在或已停用。`, en: `Unit "${shown}" does not exist or is inactive.` }
        : { zh: '该单位不存在或已停用。', en: 'The unit does not exist or is inactive.' },
      shown ? { unit: shown } : undefined,
    ),
  writtenReportRequired: () =>
    badRequest('WRITTEN_REPORT_REQUIRED', {
      zh: '督办件答复须附书面报告。',
      en: 'A supervised item must be answered with a written report.',
    }),
  writtenReportAttachmentRequired: () =>
    new DomainError(
      'WRITTEN_REPORT_ATTACHMENT_REQUIRED',
      422,
      { zh: '督办件的答复须附书面报告文件：请先上传书面报告，再在答复中选择该附件。', en: 'A supervised item must be answered with the written report attached: upload it first, then choose it in the reply.' },
      { field: 'attachmentIds' },
    ),
  unknownAttachments: () =>
    new DomainError(
      'ATTACHMENT_NOT_OF_CASE',
      422,
      { zh: '所选附件不属于该信访事项。', en: 'The attachments chosen do not belong to this case.' },
      { field: 'attachmentIds' },
    ),
  actionNotAllowed: (action: string, actionZh: string) =>
    new DomainError('CASE_ACTION_NOT_ALLOWED', 403, { zh: `您无权对该事项进行“${actionZh}”操作。`, en: `You may not perform "${action}" on this case.` }, { action }),
  extensionAlreadyRequested: () =>
    conflict('EXTENSION_ALREADY_REQUESTED', {
      zh: '已提出延期申请，正在等待秘书处审批，不能重复申请。',
      en: 'An extension request is already waiting for the secretariat’s decision.',
    }),
  noOpenQuestion: () =>
    conflict('NO_OPEN_QUESTION', {
      zh: '该事项没有待答复的单位提问。',
      en: 'The case has no question from the unit awaiting an answer.',
    }),
  noExtensionRequest: () =>
    conflict('NO_EXTENSION_REQUEST', {
      zh: '该事项没有待审批的延期申请。',
      en: 'The case has no pending extension request.',
    }),
  feedbackRequired: (allowed: readonly string[]) =>
    badRequest('FEEDBACK_REQUIRED', { zh: '请选择信访人反馈：满意或不满意。', en: 'Feedback is required: satisfied or dissatisfied.' }, { allowed }),
  feedbackAlreadyRecorded: (feedback: string) =>
    conflict(
      'FEEDBACK_ALREADY_RECORDED',
      { zh: '本次答复的反馈已记录，不能重复记录。', en: 'Feedback on this reply has already been recorded.' },
      { feedback },
    ),
  extensionUsed: () =>
    conflict('DEADLINE_EXTENSION_USED', {
      zh: '本事项已延期一次，不能再次延期。',
      en: 'The one extension of this case has already been used.',
    }),
  extensionDaysRequired: () => badRequest('EXTENSION_DAYS_REQUIRED', { zh: '请填写延期天数。', en: 'The number of days is required.' }),
  extensionTooLong: (days: number, max: number) =>
    badRequest(
      'EXTENSION_TOO_LONG',
      {
        zh: `延期天数须为 1 至 ${max} 天之间的整数。`,
        en: `An extension must be a whole number of days between 1 and ${max}.`,
      },
      { days, extensionMaxDays: max },
    ),
  noRunningDeadline: () =>
    conflict('NO_RUNNING_DEADLINE', {
      zh: '本事项没有正在计算的答复期限，无法延期。',
      en: 'The case has no running reply deadline to extend.',
    }),
  /** A meeting's follow-up deadline for a case not yet accepted (受理): only its acceptance deadline runs. */
  outcomeCaseNotAccepted: () =>
    conflict('CASE_NOT_ACCEPTED', {
      zh: '该事项尚未受理，会议确定的办理期限须在受理后才能生效：请先受理该事项，再记录期限；也可以本次只记录决定、不填期限。',
      en: 'The case is not accepted yet, so the meeting’s deadline cannot apply: accept the case first, or record the decision without a deadline.',
    }),
  /** A meeting's follow-up deadline for a case whose reply deadline no longer runs (answered, closed, rejected, withdrawn). */
  outcomeDeadlineNotRunning: (status: string, statusZh: string) =>
    conflict(
      'NO_RUNNING_DEADLINE',
      {
        zh: `该事项当前状态（${statusZh}）没有正在计算的答复期限，会议确定的办理期限无法生效；请只记录决定、不填期限。`,
        en: `The case is "${status}": no reply deadline runs, so the meeting's deadline cannot apply; record the decision without a deadline.`,
      },
      { status },
    ),
  approverRequired: () => badRequest('APPROVER_REQUIRED', { zh: '延期须经批准，请填写批准人。', en: 'An extension needs an approver.' }),
  invalidResupervisionDays: (days: number) =>
    badRequest(
      'INVALID_DAYS',
      { zh: '再督办期限天数须为正整数。', en: 'The re-supervision period must be a positive whole number of days.' },
      { days },
    ),
  /** `forRecord`: a leader's reception or instruction (else: the leader taking charge). */
  leaderRequired: (forRecord: boolean) =>
    badRequest('LEADER_REQUIRED', { zh: forRecord ? '请选择接访或批示的领导。' : '请选择包案领导。', en: 'A leader is required.' }),
  textTooLong: (field: string, fieldZh: string, maxLength: number, length: number) =>
    badRequest(
      field === 'reason' ? 'REASON_TOO_LONG' : `${field.toUpperCase()}_TOO_LONG`,
      {
        zh: `${fieldZh}不能超过 ${maxLength} 字。`,
        en: `The ${field} must be at most ${maxLength} characters.`,
      },
      { field, maxLength, length },
    ),
  /** `reply` asks for a summary of the reply, the other actions for a reason. */
  reasonRequired: (action: string, actionZh: string) =>
    badRequest(
      'REASON_REQUIRED',
      {
        zh: `“${actionZh}”须填写${action === 'reply' ? '答复内容摘要' : '理由'}。`,
        en: `"${action}" requires a ${action === 'reply' ? 'reply summary' : 'reason'}.`,
      },
      { action },
    ),
};
