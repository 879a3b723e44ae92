import type { QueryDeepPartialEntity } from 'typeorm';

/**
 * TypeORM's insert typings recurse into JSON columns and reject `Record<string, unknown>`;
 * a whole entity object is always a valid row, so say so in one place.
 */
export const asRow = <T>(entity: T): QueryDeepPartialEntity<T> => entity as QueryDeepPartialEntity<T>;
export const asRows = <T>(entities: T[]): QueryDeepPartialEntity<T>[] => entities as QueryDeepPartialEntity<T>[];
