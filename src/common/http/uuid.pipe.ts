import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors.js';
import { ECHO_SHAPES, echoable } from '../pii/safe-echo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkedUuid(value: string, metadata?: ArgumentMetadata): string {
  if (!UUID.test(value)) {
    // Never the value itself (an ID number or phone typed into the address by mistake): only the
    // parameter's name, which comes from the route.
    const field = echoable(metadata?.data, ECHO_SHAPES.fieldName);
    throw badRequest(
      'INVALID_ID',
      { zh: '编号格式不正确（应为 UUID）。', en: 'The id is not a valid UUID.' },
      field === null ? undefined : { field },
    );
  }
  return value.toLowerCase();
}

/** Route ids are UUIDs; anything else is a 400 with a clear sentence, not a lookup. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    return checkedUuid(value, metadata);
  }
}

/** The same for an optional query parameter. */
@Injectable()
export class OptionalUuidPipe implements PipeTransform<string | undefined, string | undefined> {
  transform(value: string | undefined, metadata?: ArgumentMetadata): string | undefined {
    return value === undefined || value === '' ? undefined : checkedUuid(value, metadata);
  }
}
