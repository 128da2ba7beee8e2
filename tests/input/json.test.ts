import { describe, expect, it } from 'vitest';
import { parseJson, repeatedKey } from '../../src/input/json.js';

describe('parseJson: a key given twice, at any depth; nesting measured without recursion', () => {
  it.each([
    ['{"a": 1, "a": 2}', 'a'],
    ['{"a": {"b": 1, "c": 2, "b": 3}}', 'a.b'],
    ['{"l": [{"x": 1}, {"x": 1, "x": 2}]}', 'l[1].x'],
    ['{"a": "x:y:z", "b": {"c": "d"}}', undefined], // colons inside strings are not keys
    ['{"a\\u0062": 1, "ab": 2}', 'ab'], // the same key written two ways
  ])('%s -> %s', (text, path) => {
    expect(repeatedKey(text, JSON.parse(text))).toBe(path);
  });

  it('a value nested 100,000 deep is one clear refusal, not a stack overflow', () => {
    const deep = `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => parseJson(deep, 'deep.json', 'file')).toThrow(
      'deep.json: nested 100001 levels deep, more than the 64 any file ml-salary reads has',
    );
    expect(repeatedKey(deep, JSON.parse(deep))).toBeUndefined();
  });
});
