import { type CallHandler, type ExecutionContext, FileTypeValidator, HttpException, Inject, Injectable, MaxFileSizeValidator, ParseFilePipe, PayloadTooLargeException, type PipeTransform } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import type { AppConfig } from '../../../config/app-config.js';
import { type DetectedType, detectType, VALIDATOR_MEDIA_TYPES } from '../attachment-types.js';
import { AttachmentErrors } from '../attachments.errors.js';
import { APP_CONFIG } from '../../common/tokens.js';

/** The file multer hands over (memory storage). */
export interface MulterFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const FileInterceptorBase = FileInterceptor('file');

/**
 * Nest's FileInterceptor for field `file`, in memory, one file, at most ATTACHMENT_MAX_BYTES + 1 bytes read
 * (multer stops there: a larger upload is never held whole), names read as UTF-8. multer's own failures
 * become the API's errors: LIMIT_FILE_SIZE → 413 ATTACHMENT_TOO_LARGE, any other (no boundary, truncated
 * body, a second file, another field name, too many parts) → 400 ATTACHMENT_UPLOAD_MALFORMED; never a 500.
 */
@Injectable()
export class AttachmentFileInterceptor extends FileInterceptorBase {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super({ limits: { fileSize: config.attachments.maxBytes + 1, files: 1, fields: 4, parts: 5, fieldSize: 1024, fieldNameSize: 64, headerPairs: 50 }, defParamCharset: 'utf8' });
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw AttachmentErrors.tooLarge(this.config.attachments.maxBytes);
      if (error instanceof HttpException) throw AttachmentErrors.malformed();
      throw error;
    }
  }
}

const TOO_LARGE = 'ATTACHMENT_TOO_LARGE';
const TYPE = 'ATTACHMENT_TYPE_NOT_ALLOWED';

/**
 * Nest's ParseFilePipe with MaxFileSizeValidator (≤ ATTACHMENT_MAX_BYTES) and FileTypeValidator (magic bytes
 * through `file-type`, the allowed media types), each failure mapped to the API's error with a Chinese
 * sentence: 400 ATTACHMENT_FILE_REQUIRED, 413 ATTACHMENT_TOO_LARGE, 415 ATTACHMENT_TYPE_NOT_ALLOWED (naming
 * what the content is). AttachmentsService.checkUpload then decides the finer cases (an OLE file that is
 * not Word/Excel, an empty file).
 */
@Injectable()
export class AttachmentFilePipe implements PipeTransform<MulterFile | undefined, Promise<MulterFile>> {
  private readonly pipe: ParseFilePipe;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const maxBytes = config.attachments.maxBytes;
    // The factory gets only the validator's message: the type validator's message carries what the content is (no state shared between requests).
    const typeMessage = ({ file }: { file?: { buffer?: Buffer } }): string => `${TYPE}:${JSON.stringify(detectType(file?.buffer ?? Buffer.alloc(0)))}`;
    this.pipe = new ParseFilePipe({
      fileIsRequired: true,
      validators: [new MaxFileSizeValidator({ maxSize: maxBytes + 1, errorMessage: TOO_LARGE }), new FileTypeValidator({ fileType: VALIDATOR_MEDIA_TYPES, errorMessage: typeMessage })],
      exceptionFactory: (message: string) => {
        if (message === TOO_LARGE) return AttachmentErrors.tooLarge(maxBytes);
        if (message.startsWith(`${TYPE}:`)) return AttachmentErrors.typeNotAllowed(JSON.parse(message.slice(TYPE.length + 1)) as DetectedType);
        return AttachmentErrors.fileRequired();
      },
    });
  }

  async transform(value: MulterFile | undefined): Promise<MulterFile> {
    // An empty file is no file (and has no content to check).
    if (value !== undefined && (typeof value !== 'object' || value === null || !Buffer.isBuffer(value.buffer) || value.size === 0)) throw AttachmentErrors.fileRequired();
    return (await this.pipe.transform(value)) as MulterFile;
  }
}
