import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionedIn } from './mentions.ts';

const people = [{ name: 'Ann Lee' }, { name: 'Ann Lee-Smith' }, { name: 'Bo' }];

describe('mentions', () => {
  it('finds each person named with @ in any case, once', () => {
    expect(mentionedIn('@ann lee and @BO, see @Bo again', people).map((p) => p.name)).toEqual(['Ann Lee', 'Bo']);
  });
  it('does not take a longer word or a longer name for a shorter one', () => {
    expect(mentionedIn('@Bob hello', people)).toEqual([]);
    expect(mentionedIn('thanks @Ann Lee-Smith', people).map((p) => p.name)).toEqual(['Ann Lee-Smith']);
  });
  it('never mentions anyone in text without @', () => {
    fc.assert(fc.property(fc.string().map((s) => s.replaceAll('@', '')), (body) => mentionedIn(body, people).length === 0));
  });
});
