import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { body, FONT, INDENT, issueNote, letterhead, LINE, renderOfficialDocx, run, SIZE, TYPE_WIDTH } from '../../common/docx/gbt9704.js';
import type { MinutesDecision, MinutesDocument } from './minutes-document.js';

/**
 * The minutes as an official-style .docx, laid out after GB/T 9704-2012 as far as it applies to a
 * 纪要 (the shared layout in src/common/docx/gbt9704.ts): the issuing office in red over the number
 * 〔2026〕N号 and a red rule (版头), the title, the body in 仿宋 3号, section headings in 黑体, and the 印发
 * line between two rules at the end (版记); page numbers "— N —" in 4号.
 */

/** 时间：… — a label in 黑体 and its text in 仿宋. */
const labelled = (label: string, text: string): Paragraph => body(text, `${label}：`);

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnIndex = (n: number): string => (n <= 10 ? CN_NUMBERS[n - 1] : n < 20 ? `十${CN_NUMBERS[n - 11]}` : String(n));

function header(doc: MinutesDocument): Paragraph[] {
  return letterhead(doc.office, doc.number ?? '（草稿，未编号）', doc.title);
}

/** A heading line in 黑体 (一、…), indented like the body, kept on the page of what follows it. */
const heading = (text: string): Paragraph =>
  new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: INDENT }, keepNext: true, children: [run(text, FONT.heading, SIZE.body)] });

/** 会议决定：… — the label in 楷体, the text in 仿宋. */
const item = (label: string, text: string): Paragraph =>
  new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(`${label}：`, FONT.kai, SIZE.body, { bold: true }), run(text, FONT.body, SIZE.body)],
  });

function decisionParagraphs(d: MinutesDecision): Paragraph[] {
  const out = [heading(`${cnIndex(d.index)}、${d.caseCode} ${d.subject}`)];
  if (d.leadLeader) out.push(item('包案领导', d.leadLeader));
  out.push(item('会议决定', d.decisions.length ? d.decisions.join('；') : '（未记录）'));
  if (d.requirements.length) out.push(item('工作要求', d.requirements.join('；')));
  out.push(item('办理期限', d.dueDate ? `${d.dueDate}前办结并书面报告` : '按原定期限办理'));
  return out;
}

const cell = (text: string, width: number, bold = false): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: LineRuleType.AUTO }, children: [run(text, bold ? FONT.heading : FONT.body, SIZE.table)] })],
  });

/** 议定事项一览: one row per case, for whoever follows the deadlines up (小四, fixed columns over the type area). */
function decisionsTable(decisions: MinutesDecision[]): Table {
  const widths = [700, 2000, 1900, 2544, 1700];
  const head = ['序号', '事项编号', '事由', '会议决定', '办理期限'];
  return new Table({
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i], true)) }),
      ...decisions.map(
        (d) =>
          new TableRow({
            cantSplit: true,
            children: [String(d.index), d.caseCode, d.subject, d.decisions.join('；') || '（未记录）', d.dueDate ?? '—'].map((v, i) => cell(v, widths[i])),
          }),
      ),
    ],
  });
}

function footnote(doc: MinutesDocument): Paragraph[] {
  return [issueNote(doc.office, doc.issuedDate)];
}

export function minutesParagraphs(doc: MinutesDocument): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [...header(doc)];
  content.push(labelled('时间', doc.time), labelled('地点', doc.place), labelled('主持', doc.chair));
  content.push(labelled('出席', doc.present.length ? doc.present.join('、') : '无'));
  if (doc.absent.length) content.push(labelled('请假', doc.absent.join('、')));
  if (doc.sittingIn.length) content.push(labelled('列席', doc.sittingIn.join('、')));
  if (doc.summary) for (const line of doc.summary.split('\n')) content.push(body(line));
  content.push(body(doc.decisions.length ? '会议研究了以下事项，议定如下：' : '会议未列入信访事项。'));
  for (const d of doc.decisions) content.push(...decisionParagraphs(d));
  if (doc.decisions.length) content.push(item('议定事项一览', ''), decisionsTable(doc.decisions));
  if (doc.requirements) {
    content.push(heading(`${cnIndex(doc.decisions.length + 1)}、其他要求`));
    for (const line of doc.requirements.split('\n')) content.push(body(line));
  }
  content.push(...footnote(doc));
  return content;
}

/** The .docx bytes of the minutes. */
export async function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  return renderOfficialDocx({ creator: doc.office, title: doc.number ? `${doc.title}${doc.number}` : doc.title }, minutesParagraphs(doc));
}
