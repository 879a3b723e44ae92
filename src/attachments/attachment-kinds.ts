/** What an attachment of a case is (附件类别). */
export const ATTACHMENT_KINDS = ['petition-scan', 'petitioner-material', 'unit-report', 'meeting-document', 'letter', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, { zh: string; en: string }>> = {
  'petition-scan': { zh: '来信扫描件', en: 'Scanned letter' },
  'petitioner-material': { zh: '信访人材料', en: "Petitioner's material" },
  'unit-report': { zh: '单位书面报告', en: "Unit's written report" },
  'meeting-document': { zh: '会议材料', en: 'Meeting document' },
  letter: { zh: '公文', en: 'Official letter' },
  other: { zh: '其他', en: 'Other' },
};

/** How an attachment came in: uploaded in the console, through a unit's signed link, or generated (letters). */
export const ATTACHMENT_VIAS = ['console', 'link', 'system'] as const;
export type AttachmentVia = (typeof ATTACHMENT_VIAS)[number];

export const isAttachmentKind = (value: unknown): value is AttachmentKind => typeof value === 'string' && (ATTACHMENT_KINDS as readonly string[]).includes(value);
