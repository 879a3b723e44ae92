import type { QueryDeepPartialEntity } from 'typeorm';

/**
 * Rows for TypeORM inserts, as copies. Two reasons:
 * - its insert typings recurse into JSON columns and reject `Record<string, unknown>`, while a whole
 *   entity object is always a valid row;
 * - a multi-row insert inside a transaction rearranges the array and objects it is given (seen on
 *   SQLite: the caller's array came back reordered with values moved between objects), so callers must
 *   never hand over objects they keep using.
 */
export const asRow = <T extends object>(entity: T): QueryDeepPartialEntity<T> => ({ ...entity });
export const asRows = <T extends object>(entities: T[]): QueryDeepPartialEntity<T>[] => entities.map((e) => ({ ...e }));
