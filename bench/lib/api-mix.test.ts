import { describe, expect, it } from 'vitest';
import { kindOf, mixRequests, onlyKind, type MixTargets } from './api-mix.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const targets: MixTargets = {
  accounts: [id(1), id(2)],
  contacts: [id(3)],
  projects: [id(4), id(5)],
  tasks: [id(6)],
  portal: [{ projectId: id(4), cookie: 'lf_portal=x' }],
  names: ['Northwind Traders', 'Contoso'],
};

describe('the api mix', () => {
  it("tells each request's kind from its method and path alone (the floor server answers by kind)", () => {
    const pick = mixRequests(targets, { writes: 0.1, seed: 3 });
    const kinds = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const chosen = pick();
      expect(kindOf(chosen.method, chosen.path), `${chosen.method} ${chosen.path}`).toBe(chosen.kind);
      kinds.add(chosen.kind);
    }
    expect(kinds.size).toBe(10);
  });

  it('asks the same things for the same seed, and only one kind through onlyKind', () => {
    const paths = (seed: number) => Array.from({ length: 50 }, mixRequests(targets, { writes: 0.1, seed })).map((p) => p.path);
    expect(paths(7)).toEqual(paths(7));
    expect(paths(7)).not.toEqual(paths(8));
    const portal = onlyKind(mixRequests(targets, { writes: 0.1, seed: 1 }), 'portal page');
    for (let i = 0; i < 20; i++) expect(portal().kind).toBe('portal page');
  });
});
