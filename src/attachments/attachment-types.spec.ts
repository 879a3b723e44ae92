import { describe, expect, it } from '@jest/globals';
import { detectType, DOCX, XLSX, zipEntryNames } from './attachment-types.js';

/** A minimal stored ZIP with the given entry names (empty contents), central directory included. */
function zipWith(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('attachment types by content', () => {
  it.each([
    ['%PDF-1.7\n…', 'application/pdf'],
    [Buffer.from('89504e470d0a1a0a0000', 'hex'), 'image/png'],
    [Buffer.from('ffd8ffe000104a464946', 'hex'), 'image/jpeg'],
    [Buffer.from('49492a0008000000', 'hex'), 'image/tiff'],
    [Buffer.from('4d4d002a00000008', 'hex'), 'image/tiff'],
  ])('allows %p as %s', (content, mediaType) => {
    const found = detectType(Buffer.isBuffer(content) ? content : Buffer.from(content, 'latin1'));
    expect({ mediaType: found.mediaType, allowed: found.allowed }).toEqual({ mediaType, allowed: true });
  });

  it('tells Word and Excel from other ZIPs by their entries, whatever the order', () => {
    expect(zipEntryNames(zipWith(['[Content_Types].xml', 'word/document.xml']))).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(detectType(zipWith(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']))).toMatchObject({ mediaType: DOCX, allowed: true });
    expect(detectType(zipWith(['xl/workbook.xml', '[Content_Types].xml']))).toMatchObject({ mediaType: XLSX, allowed: true });
    expect(detectType(zipWith(['OFD.xml', 'Doc_0/Document.xml']))).toMatchObject({ mediaType: 'application/ofd', allowed: false });
    expect(detectType(zipWith(['payload.exe']))).toMatchObject({ mediaType: 'application/zip', allowed: false });
  });

  it('allows OLE files of Word and Excel 97-2003 only (an installer is OLE too)', () => {
    expect(detectType(Buffer.concat([OLE, Buffer.alloc(100), Buffer.from('WordDocument', 'utf16le')]))).toMatchObject({ mediaType: 'application/msword', allowed: true });
    expect(detectType(Buffer.concat([OLE, Buffer.alloc(100), Buffer.from('Workbook', 'utf16le')]))).toMatchObject({ mediaType: 'application/vnd.ms-excel', allowed: true });
    expect(detectType(Buffer.concat([OLE, Buffer.alloc(100)]))).toMatchObject({ mediaType: 'application/x-cfb', allowed: false });
  });

  it('refuses executables (named .pdf or not), archives and plain text, naming what it found', () => {
    expect(detectType(Buffer.from('MZ\x90\x00\x03', 'latin1'))).toMatchObject({ mediaType: 'application/x-msdownload', allowed: false, label: { zh: 'Windows 可执行程序（.exe/.dll）' } });
    expect(detectType(Buffer.from('\x7fELF', 'latin1'))).toMatchObject({ allowed: false });
    expect(detectType(Buffer.from('身份证 110101199003074578', 'utf8'))).toMatchObject({ mediaType: 'application/octet-stream', allowed: false });
    expect(detectType(Buffer.alloc(0))).toMatchObject({ allowed: false });
    expect(detectType(Buffer.from('PK\x03\x04 truncated', 'latin1'))).toMatchObject({ mediaType: 'application/zip', allowed: false });
  });
});
