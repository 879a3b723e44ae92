import { type CallHandler, type ExecutionContext, HttpException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors.js';
import { LedgerImportErrors } from './ledger-import.errors.js';
import { LEDGER_LIMITS } from './ledger-limits.js';

const FileInterceptorBase = FileInterceptor('file');

/**
 * Nest's FileInterceptor for the ledger (field `file`), in memory, one file, at most `maxBytes` + 1 bytes
 * read, names as UTF-8. multer's failures become the API's errors: too large → 413 LEDGER_FILE_TOO_LARGE,
 * anything else (no boundary, truncated body, another field, a second file) → 400 LEDGER_UPLOAD_MALFORMED.
 */
@Injectable()
export class LedgerFileInterceptor extends FileInterceptorBase {
  constructor() {
    super({ limits: { fileSize: LEDGER_LIMITS.maxBytes + 1, files: 1, fields: 2, parts: 3, fieldSize: 1024, fieldNameSize: 64, headerPairs: 50 }, defParamCharset: 'utf8' });
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw LedgerImportErrors.fileTooLarge(LEDGER_LIMITS.maxBytes / 1024 / 1024);
      if (error instanceof HttpException && !(error instanceof DomainError)) throw LedgerImportErrors.malformed();
      throw error;
    }
  }
}
