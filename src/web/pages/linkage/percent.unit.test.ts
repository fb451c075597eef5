import { describe, expect, it } from 'vitest';
import { matchPercent } from './percent.js';

describe('matchPercent', () => {
  it('rounds to a whole percent and never shows certainty', () => {
    expect(matchPercent(0.734)).toBe(73);
    expect(matchPercent(0.996)).toBe(99);
    expect(matchPercent(1)).toBe(99);
  });
});
