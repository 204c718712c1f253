import { describe, expect, it } from 'vitest';
import { defaultListState, parseListState, serializeListState, toApiQuery, toggleSort, type AccountListState } from './accountListState.ts';

describe('the accounts list state in the URL', () => {
  it('round-trips search, filters, sort and page through the query string', () => {
    const state: AccountListState = {
      ...defaultListState,
      q: 'zephyr',
      segment: ['enterprise', 'smb'],
      industry: ['Retail'],
      complexity: ['high'],
      laerStage: ['adopt'],
      owner: '00000000-0000-4000-8000-000000000001',
      status: 'all',
      sort: '-contractValue',
      offset: 100,
    };
    const query = serializeListState(state).toString();
    expect(query).toBe(
      'q=zephyr&segment=enterprise%2Csmb&industry=Retail&complexity=high&laerStage=adopt&owner=00000000-0000-4000-8000-000000000001&status=all&sort=-contractValue&page=3',
    );
    expect(parseListState(new URLSearchParams(query))).toEqual(state);
  });

  it('keeps a plain list URL plain', () => {
    expect(serializeListState(defaultListState).toString()).toBe('');
    expect(parseListState(new URLSearchParams(''))).toEqual(defaultListState);
  });

  it('ignores values a hand-edited URL gets wrong instead of sending them to the server', () => {
    const state = parseListState(new URLSearchParams('segment=huge,smb&sort=password&page=-4&limit=9999&status=deleted'));
    expect(state).toEqual({ ...defaultListState, segment: ['smb'] });
  });

  it('asks the server for the page the URL names', () => {
    const state = parseListState(new URLSearchParams('page=2&limit=25&sort=renewalOn'));
    expect(toApiQuery(state)).toMatchObject({ limit: 25, offset: 25, sort: 'renewalOn', status: 'active' });
  });

  it('flips the direction when the sorted column is clicked again', () => {
    expect(toggleSort('name', 'name')).toBe('-name');
    expect(toggleSort('-name', 'name')).toBe('name');
    expect(toggleSort('name', 'renewalOn')).toBe('renewalOn');
    expect(toggleSort('name', 'contractValue')).toBe('-contractValue');
  });
});
