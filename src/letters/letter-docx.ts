import { body, flush, letterhead, renderOfficialDocx, signature } from '../common/docx/gbt9704.js';
import type { FilledLetter } from './letter-template.js';

/** A letter ready to render: the issuing office (版头 and signature), its number and date, and the filled wording. */
export interface LetterDocument extends FilledLetter {
  office: string;
  number: string;
  date: string;
}

/**
 * The letter as .docx after GB/T 9704 (src/common/docx/gbt9704.ts): the office in red, the number and
 * the red rule, the title, 主送 flush left, the body in 仿宋 3号 with two-character indents, then the
 * office and the date right-aligned with room above them for the seal (印章位置).
 */
export function renderLetterDocx(doc: LetterDocument): Promise<Buffer> {
  return renderOfficialDocx({ creator: doc.office, title: `${doc.title}${doc.number}` }, [
    ...letterhead(doc.office, doc.number, doc.title),
    flush(doc.addressee),
    ...doc.paragraphs.map((p) => body(p)),
    ...signature(doc.office, doc.date),
  ]);
}
