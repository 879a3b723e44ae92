import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * An optional field that may be left out but not sent as `null`. Use it instead of `@IsOptional()`
 * wherever null means nothing (a NOT NULL column, a flag, a count, a PATCH field that cannot be cleared):
 * `@IsOptional()` lets `null` through every other check, and it then reaches the database.
 * The refusal has the constraint name `notNull` (validation.ts gives it its Chinese sentence).
 */
export function OptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    ValidateBy(
      {
        name: 'notNull',
        validator: {
          validate: (value: unknown) => value !== null,
          defaultMessage: (args) => `${args?.property ?? 'value'} must not be null (leave it out instead)`,
        },
      },
      options,
    ),
  );
}
