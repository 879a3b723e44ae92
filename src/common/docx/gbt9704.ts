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
  type Table,
  TextRun,
} from 'docx';

/**
 * The layout of official documents after GB/T 9704-2012 (党政机关公文格式), as far as the office's
 * documents need it: A4, margins 37/35/28/26 mm (top/bottom/left/right), the issuing office in red
 * 小标宋 over the number 〔2026〕N号 and a red rule (版头), the title in 2号 (22 pt) centred, the body in
 * 仿宋 3号 (16 pt) at a fixed 28.95 pt line (22 lines a page), first lines indented by two characters,
 * page numbers "— N —" in 4号. Shared by the minutes (会议纪要) and the letters (公文).
 */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  kai: '楷体_GB2312',
  number: '宋体',
};
const PT = 2; // docx sizes are half-points
export const SIZE = { office: 26 * PT, title: 22 * PT, body: 16 * PT, table: 12 * PT, note: 14 * PT, footer: 14 * PT };
/** The type area: 210 − 28 − 26 = 156 mm. */
export const TYPE_WIDTH = convertMillimetersToTwip(156);
export const RED = 'E60012';
/** 28.95 pt in twentieths of a point: 22 lines on the type area. */
export const LINE = 579;
/** Two characters of 16 pt, in twips. */
export const INDENT = 2 * 16 * 20;

export const run = (text: string, font: string, size: number, options: { bold?: boolean; color?: string } = {}): TextRun =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, bold: options.bold, color: options.color });

/** A body paragraph in 仿宋 3号, the first line indented by two characters; `label` (黑体) leads it. */
export const body = (text: string, label?: string): Paragraph =>
  new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    alignment: AlignmentType.JUSTIFIED,
    children: [...(label ? [run(label, FONT.heading, SIZE.body)] : []), run(text, FONT.body, SIZE.body)],
  });

/** A body line without indent (主送机关: the addressee, flush left). */
export const flush = (text: string): Paragraph =>
  new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(text, FONT.body, SIZE.body)] });

export const blank = (): Paragraph => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });

/**
 * 版头: the issuing office in red, the number under it and the red rule (GB/T 9704 7.2), then the
 * title in 2号 小标宋, centred.
 */
export function letterhead(office: string, number: string, title: string): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, children: [run(office, FONT.title, SIZE.office, { color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      // The red rule under the number (GB/T 9704 7.2.5), as the paragraph's bottom border.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
      children: [run(number, FONT.body, SIZE.body)],
    }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 240 }, children: [run(title, FONT.title, SIZE.title)] }),
  ];
}

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 7.3.5.1, with a seal): right-aligned, four characters in from the
 * right edge, with two blank lines above them for the seal (印章位置), which covers the office and the date.
 */
export function signature(office: string, date: string): Paragraph[] {
  const right = (text: string): Paragraph =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { right: 4 * 16 * 20 }, keepLines: true, keepNext: true, children: [run(text, FONT.body, SIZE.body)] });
  return [blank(), blank(), right(office), right(date)];
}

/** 版记: the office and the date of issue between two rules, each a character in from the edges (GB/T 9704 8.3). */
export function issueNote(office: string, issuedDate: string): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return new Paragraph({
    spacing: { before: 240, line: LINE, lineRule: LineRuleType.EXACT },
    keepLines: true,
    border: { top: rule, bottom: rule },
    indent: { left: 280, right: 280 },
    tabStops: [{ type: 'right', position: TYPE_WIDTH - 560 }],
    children: [run(office, FONT.body, SIZE.note), run(`\t${issuedDate}印发`, FONT.body, SIZE.note)],
  });
}

/** The .docx bytes of an official document: A4 with the GB/T 9704 margins, page numbers "— N —" in the footer. */
export async function renderOfficialDocx(meta: { creator: string; title: string }, children: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({
    creator: meta.creator,
    title: meta.title,
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
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
