import { describe, expect, it } from '@jest/globals';
import { ROLES } from '../domain/actor.js';
import { ATTACHMENT_KINDS } from './attachment-kinds.js';
import { isOfficeOnly, mayReadAttachment } from './attachment-audience.js';

describe('who reads an attachment beyond its case', () => {
  it('makes the petitioner’s scans and materials office-only whatever the writer asks, and the rest only on request', () => {
    expect(ATTACHMENT_KINDS.filter((kind) => isOfficeOnly(kind, undefined))).toEqual(['petition-scan', 'petitioner-material']);
    expect(ATTACHMENT_KINDS.filter((kind) => isOfficeOnly(kind, false))).toEqual(['petition-scan', 'petitioner-material']);
    expect(ATTACHMENT_KINDS.every((kind) => isOfficeOnly(kind, true))).toBe(true);
  });

  it('lets only admin and secretariat read an office-only file; everyone who sees the case reads the others', () => {
    const readers = [...ROLES, 'link'] as const;
    expect(readers.filter((role) => mayReadAttachment({ officeOnly: true }, role))).toEqual(['admin', 'secretariat']);
    expect(readers.filter((role) => mayReadAttachment({ officeOnly: false }, role))).toEqual(readers);
  });
});
