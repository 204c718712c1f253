import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainPath } from './plain-errors.ts';
import './common.ts';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('messages a person reads', () => {
  it('say what the value must be, in words that follow the field’s name', () => {
    expect(messageOf(z.number().min(0), -1)).toBe('must be 0 or more');
    expect(messageOf(z.number().positive(), 0)).toBe('must be more than 0');
    expect(messageOf(z.number().max(100), 120)).toBe('must be 100 or less');
    expect(messageOf(z.string().min(1), '')).toBe('cannot be empty');
    expect(messageOf(z.string().max(3), 'abcd')).toBe('must be at most 3 characters');
    expect(messageOf(z.array(z.string()).min(2), ['a'])).toBe('needs at least 2 items');
    expect(messageOf(z.object({ a: z.string() }), {})).toBe('is required');
    expect(messageOf(z.number(), 'seven')).toBe('must be a number');
    expect(messageOf(z.enum(['champion', 'admin']), 'boss')).toBe('must be one of "champion", "admin"');
    expect(messageOf(z.email(), 'nope')).toBe('must be an email address like name@company.com');
    expect(messageOf(z.iso.date(), '3/4/2026')).toBe('must be a date written YYYY-MM-DD');
  });

  it('keep a schema’s own message', () => {
    expect(messageOf(z.string().min(2, 'type your name'), '')).toBe('type your name');
  });
});

describe('where the problem is', () => {
  it('names the thing as the person sees it, counting from 1', () => {
    expect(plainPath(['tasks', 4, 'durationDays'])).toBe('task 5, duration days');
    expect(plainPath(['steps', 2, 'body'])).toBe('step 3, body');
    expect(plainPath(['dependencies', 0])).toBe('dependency 1');
    expect(plainPath(['contract_value'])).toBe('contract value');
  });
});
