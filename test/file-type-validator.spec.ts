import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ParseFilePipeBuilder } from '@nestjs/common';

/**
 * The one use of `file-type` in the service's dependencies: @nestjs/common's FileTypeValidator (upload
 * validation by magic number) imports it when a file is checked. @nestjs/common 12.5 asks for file-type 22,
 * which requires Node 22; package.json `overrides` pins file-type 21 (Node ≥ 20, same `fileTypeFromBuffer`)
 * so the service runs honestly on Node 20. These tests run that code path on the Node the suite runs on.
 */

/** package.json of the file-type that @nestjs/common's validator imports (Node's lookup, from its folder up). */
function fileTypePackage(): { version: string; engines: { node: string } } {
  let dir = dirname(createRequire(import.meta.url).resolve('@nestjs/common'));
  for (;;) {
    const candidate = join(dir, 'node_modules', 'file-type', 'package.json');
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as { version: string; engines: { node: string } };
    if (dirname(dir) === dir) throw new Error('file-type is not installed where @nestjs/common can import it');
    dir = dirname(dir);
  }
}

/** Whether a `>=N` engines range (the form file-type uses) admits this Node. */
function admits(range: string, nodeVersion: string): boolean {
  const min = /^>=\s*(\d+)$/.exec(range.trim());
  if (!min) throw new Error(`unexpected engines range "${range}"`);
  return Number(nodeVersion.split('.')[0]) >= Number(min[1]);
}

// A 1×1 PNG and the start of a PDF.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a9c50000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const upload = (buffer: Buffer, mimetype: string, originalname: string) => ({ fieldname: 'file', originalname, encoding: '7bit', mimetype, size: buffer.length, buffer });
const pngOnly = () => new ParseFilePipeBuilder().addFileTypeValidator({ fileType: 'image/png' }).build({ errorHttpStatusCode: 422 });

describe('upload validation (FileTypeValidator) on this Node', () => {
  it('loads a file-type whose engines admit the running Node', () => {
    const pkg = fileTypePackage();
    expect({ version: pkg.version, admitted: admits(pkg.engines.node, process.versions.node) }).toEqual({ version: expect.stringMatching(/^21\./), admitted: true });
  });

  it('accepts a PNG by its content', async () => {
    const file = upload(PNG, 'image/png', 'scan.png');
    await expect(pngOnly().transform(file)).resolves.toBe(file);
  });

  it('refuses a PDF sent as image/png, naming the type found in its content', async () => {
    await expect(pngOnly().transform(upload(PDF, 'image/png', 'scan.png'))).rejects.toMatchObject({
      status: 422,
      message: 'Validation failed (current file type is application/pdf, expected type is image/png)',
    });
  });
});
