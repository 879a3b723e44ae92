import { Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors.js';
import { redactPii } from '../pii/masking.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkedUuid(value: string): string {
  if (!UUID.test(value)) {
    // Echo what was wrong, but never an ID number or phone typed in by mistake (error bodies carry no PII).
    const shown = redactPii(value.slice(0, 40));
    throw badRequest('INVALID_ID', { zh: `编号“${shown}”格式不正确。`, en: `"${shown}" is not a valid id.` });
  }
  return value.toLowerCase();
}

/** Route ids are UUIDs; anything else is a 400 with a clear sentence, not a lookup. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return checkedUuid(value);
  }
}

/** The same for an optional query parameter. */
@Injectable()
export class OptionalUuidPipe implements PipeTransform<string | undefined, string | undefined> {
  transform(value: string | undefined): string | undefined {
    return value === undefined || value === '' ? undefined : checkedUuid(value);
  }
}
