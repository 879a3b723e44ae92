import { Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors.js';
import { redactPii } from '../pii/masking.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids are UUIDs; anything else is a 400 with a clear sentence, not a lookup. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      // Echo the value so the caller sees what was wrong, but never an ID number or phone typed in by mistake.
      const shown = redactPii(value.slice(0, 40));
      throw badRequest('INVALID_ID', { zh: `编号“${shown}”格式不正确。`, en: `"${shown}" is not a valid id.` });
    }
    return value.toLowerCase();
  }
}
