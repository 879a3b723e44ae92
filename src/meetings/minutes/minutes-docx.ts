import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { MinutesDecision, MinutesDocument } from './minutes-document.js';

/**
 * The minutes as an official-style .docx, laid out after GB/T 9704-2012 as far as it applies to a
 * 纪要: A4, margins 37/35/28/26 mm (top/bottom/left/right), the issuing office in red 小标宋 over the
 * number 〔2026〕N号 and a red rule (版头), the title in 2号 (22 pt) centred, the body in 仿宋 3号
 * (16 pt) at a fixed 28.95 pt line (22 lines a page), first lines indented by two characters, section
 * headings in 黑体, and the 印发 line between two rules at the end (版记); page numbers "— N —" in 4号.
 */
const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  kai: '楷体_GB2312',
  number: '宋体',
};
const PT = 2; // docx sizes are half-points
const SIZE = { office: 26 * PT, title: 22 * PT, body: 16 * PT, table: 12 * PT, note: 14 * PT, footer: 14 * PT };
/** The type area: 210 − 28 − 26 = 156 mm. */
const TYPE_WIDTH = convertMillimetersToTwip(156);
const RED = 'E60012';
/** 28.95 pt in twentieths of a point: 22 lines on the type area. */
const LINE = 579;
const INDENT = 2 * 16 * 20; // two characters of 16 pt, in twips

const run = (text: string, font: string, size: number, options: { bold?: boolean; color?: string } = {}): TextRun =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, bold: options.bold, color: options.color });

/** A body paragraph in 仿宋 3号, the first line indented by two characters; `label` (黑体) leads it. */
const body = (text: string, label?: string): Paragraph =>
  new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    alignment: AlignmentType.JUSTIFIED,
    children: [...(label ? [run(label, FONT.heading, SIZE.body)] : []), run(text, FONT.body, SIZE.body)],
  });

/** 时间：… — a label in 黑体 and its text in 仿宋. */
const labelled = (label: string, text: string): Paragraph => body(text, `${label}：`);

const blank = (): Paragraph => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnIndex = (n: number): string => (n <= 10 ? CN_NUMBERS[n - 1] : n < 20 ? `十${CN_NUMBERS[n - 11]}` : String(n));

function header(doc: MinutesDocument): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, children: [run(doc.office, FONT.title, SIZE.office, { color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      // The red rule under the number (GB/T 9704 7.2.5), as the paragraph's bottom border.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
      children: [run(doc.number ?? '（草稿，未编号）', FONT.body, SIZE.body)],
    }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 240 }, children: [run(doc.title, FONT.title, SIZE.title)] }),
  ];
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
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  // 版记: the office and the date of issue between two rules, each a character in from the edges (GB/T 9704 8.3).
  return [
    new Paragraph({
      spacing: { before: 240, line: LINE, lineRule: LineRuleType.EXACT },
      keepLines: true,
      border: { top: rule, bottom: rule },
      indent: { left: 280, right: 280 },
      tabStops: [{ type: 'right', position: TYPE_WIDTH - 560 }],
      children: [run(`${doc.office}`, FONT.body, SIZE.note), run(`\t${doc.issuedDate}印发`, FONT.body, SIZE.note)],
    }),
  ];
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
  const document = new Document({
    creator: doc.office,
    title: doc.number ? `${doc.title}${doc.number}` : doc.title,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(28),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.number, size: SIZE.footer })] })],
          }),
        },
        children: minutesParagraphs(doc),
      },
    ],
  });
  return Packer.toBuffer(document);
}
