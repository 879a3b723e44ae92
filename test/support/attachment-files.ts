import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Response } from 'supertest';

/** Sample files for attachment tests: real formats, with text a scan for personal data would find in the clear. */

export const SAMPLE_ID = '110101199003074578';
export const SAMPLE_PHONE = '13812345678';
/** What a regex scan for personal data looks for: an 18-character ID number or a mobile number. */
export const ID_PATTERN = /(?<!\d)\d{17}[\dXx](?!\d)/;
export const PHONE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** A one-page PDF whose content stream (uncompressed) carries the text. */
export function pdfWithText(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A .docx (the `docx` package) with one paragraph per line. */
export async function docxWithText(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** The start of a Windows executable (MZ header), to be sent under a .pdf name. */
export function fakeExe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return b;
}

/** A PDF padded to exactly `size` bytes (a comment after %%EOF). */
export function pdfOfSize(size: number): Buffer {
  const head = pdfWithText('padding');
  const out = Buffer.alloc(size, 0x20);
  head.copy(out);
  return out;
}

/** Every file under a directory (recursively); none when it does not exist. */
export function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/** A supertest parser that keeps a download's body as bytes (`.buffer(true).parse(binary)`). */
export const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => cb(null, Buffer.concat(parts)));
};
