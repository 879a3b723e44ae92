import { describe, expect, it } from '@jest/globals';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe('JSON nesting depth on raw bytes', () => {
  it('allows the limit and refuses one level more, for arrays, objects and mixtures', () => {
    expect([exceedsJsonDepth(bytes(nested(MAX_JSON_DEPTH))), exceedsJsonDepth(bytes(nested(MAX_JSON_DEPTH + 1)))]).toEqual([false, true]);
    const objects = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    expect([exceedsJsonDepth(bytes(objects(3)), 3), exceedsJsonDepth(bytes(objects(4)), 3)]).toEqual([false, true]);
    expect(exceedsJsonDepth(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('counts depth, not the number of brackets: siblings do not add up', () => {
    expect(exceedsJsonDepth(bytes(`[${Array(10_000).fill('[1]').join(',')}]`), 2)).toBe(false);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    expect(exceedsJsonDepth(bytes(`{"a":"${'['.repeat(100)}"}`), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":"\\"[[[[","b":"\\\\"}'), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":"\\\\",  "b":[[1]]}'), 2)).toBe(true);
  });

  it('reads multi-byte UTF-8 text without mistaking its bytes for brackets or quotes', () => {
    expect(exceedsJsonDepth(bytes('{"主题":"［［［【】𠀀😀","x":[1]}'), 2)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"主题":"😀","x":[[1]]}'), 2)).toBe(true);
  });

  it('refuses 1 MB of "[" and 1 MB of nested objects (the shapes of the reported attack)', () => {
    expect(exceedsJsonDepth(Buffer.alloc(1024 * 1024, '['))).toBe(true);
    expect(exceedsJsonDepth(bytes('{"a":'.repeat(200_000)))).toBe(true);
  });
});
