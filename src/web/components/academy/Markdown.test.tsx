// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scalarsOnly } from './scormRuntime.ts';
import { Markdown } from './Markdown.tsx';

afterEach(cleanup);

describe('lesson markdown', () => {
  it('reads headings, lists, emphasis and links', () => {
    const { container } = render(<Markdown source={'# Welcome\n\nKeep **one** place, *always*.\n\n- Projects\n- [Reports](https://example.com/r)'} />);
    expect(container.querySelector('h2')?.textContent).toBe('Welcome');
    expect(container.querySelector('strong')?.textContent).toBe('one');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.com/r');
  });

  it('never turns lesson text into markup or a script link', () => {
    const { container } = render(<Markdown source={'<img src=x onerror=alert(1)> and [click](javascript:alert(1))'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('SCORM commit', () => {
  it('sends only scalar CMI elements (scorm-again flattens empty collections to objects)', () => {
    expect(scalarsOnly({ 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '85', 'cmi.interactions': {}, 'cmi.objectives': {}, 'cmi.x': null })).toEqual({
      'cmi.core.lesson_status': 'completed',
      'cmi.core.score.raw': '85',
      'cmi.x': null,
    });
  });
});
