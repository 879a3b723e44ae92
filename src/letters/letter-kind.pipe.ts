import { Injectable, type PipeTransform } from '@nestjs/common';
import type { LetterKind } from '../domain/letter-kinds.js';
import { isLetterKind } from './letter-templates.service.js';
import { LetterErrors } from './letters.errors.js';

/** `:kind` in a path: a known letter kind, or 404 LETTER_KIND_UNKNOWN. */
@Injectable()
export class LetterKindPipe implements PipeTransform<string, LetterKind> {
  transform(value: string): LetterKind {
    if (!isLetterKind(value)) throw LetterErrors.unknownKind();
    return value;
  }
}
