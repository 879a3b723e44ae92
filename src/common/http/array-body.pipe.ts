import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badRequest } from '../errors.js';
import { validationError } from './validation.js';

/** Validates a JSON array body item by item with the same rules as the global pipe. */
@Injectable()
export class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(
    private readonly itemType: new () => T,
    private readonly maxItems: number,
  ) {}

  async transform(value: unknown): Promise<T[]> {
    if (!Array.isArray(value)) {
      throw badRequest('VALIDATION_FAILED', { zh: '请求内容应为数组。', en: 'The request body must be an array.' });
    }
    if (value.length > this.maxItems) {
      throw badRequest('VALIDATION_FAILED', { zh: `最多提交 ${this.maxItems} 项。`, en: `At most ${this.maxItems} items.` });
    }
    const notObject = value.findIndex((item: unknown) => typeof item !== 'object' || item === null || Array.isArray(item));
    if (notObject >= 0) {
      throw badRequest('VALIDATION_FAILED', { zh: `第 ${notObject + 1} 项应为对象。`, en: `Item ${notObject + 1} must be an object.` }, [
        { field: `[${notObject}]`, constraint: 'isObject' },
      ]);
    }
    const items = value.map((item: unknown) => plainToInstance(this.itemType, item));
    for (const [index, item] of items.entries()) {
      const errors = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) {
        for (const e of errors) e.property = `[${index}].${e.property}`;
        throw validationError(errors);
      }
    }
    return items;
  }
}
