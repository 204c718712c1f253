import { describe, expect, it } from 'vitest';
import { dependencyChain, linkRefusal } from './links.ts';

// kickoff → design → build → go-live, and research → design
const links = [
  { predecessorId: 'kickoff', successorId: 'design' },
  { predecessorId: 'research', successorId: 'design' },
  { predecessorId: 'design', successorId: 'build' },
  { predecessorId: 'build', successorId: 'golive' },
];
const names: Record<string, string> = { kickoff: 'Kickoff', design: 'Design', research: 'Research', build: 'Build', golive: 'Go-live' };
const name = (id: string) => names[id] ?? id;

describe('adding a link one at a time', () => {
  it('finds the chain by which a task already waits for another, shortest first', () => {
    expect(dependencyChain(links, 'golive', 'kickoff')).toEqual(['golive', 'build', 'design', 'kickoff']);
    expect(dependencyChain(links, 'design', 'kickoff')).toEqual(['design', 'kickoff']);
    expect(dependencyChain(links, 'kickoff', 'golive')).toBeNull();
    expect(dependencyChain(links, 'research', 'kickoff')).toBeNull();
  });

  it('refuses a loop in the words of the tasks, and lets a harmless link through', () => {
    expect(linkRefusal(links, 'design', 'kickoff', name)).toBe('Design already depends on Kickoff, so Kickoff cannot also wait for it.');
    expect(linkRefusal(links, 'golive', 'kickoff', name)).toBe(
      'Go-live already depends on Kickoff (through Build → Design), so Kickoff cannot also wait for it.',
    );
    expect(linkRefusal(links, 'kickoff', 'design', name)).toBe('Design already depends on Kickoff.');
    expect(linkRefusal(links, 'kickoff', 'kickoff', name)).toBe('Kickoff cannot depend on itself.');
    expect(linkRefusal(links, 'research', 'golive', name)).toBeNull();
    expect(linkRefusal(links, 'kickoff', 'research', name)).toBeNull();
  });
});
