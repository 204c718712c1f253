import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// The API's shapes have one source, src/contract: the web imports them (z.infer / z.input), never restates them.

const contractDir = path.dirname(new URL(import.meta.url).pathname);
const webDir = path.join(contractDir, '..', 'web');

async function schemaNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const file of fs.readdirSync(contractDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const module = (await import(path.join(contractDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (value instanceof z.ZodType) names.add(name);
  }
  return names;
}

const apiFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiFiles(full);
    return entry.name.endsWith('.api.ts') ? [full] : [];
  });

describe('the API contract', () => {
  it('is the only place a web *.api.ts file gets a type the API sends or accepts', async () => {
    const schemas = await schemaNames();
    expect(schemas.size).toBeGreaterThan(50);
    const files = apiFiles(webDir);
    expect(files.length).toBeGreaterThan(10);
    const restated: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+(\w+)/gm)) {
        if (schemas.has(match[1]!)) restated.push(`${path.relative(webDir, file)}: ${match[1]} (import it from src/contract)`);
      }
    }
    expect(restated).toEqual([]);
  });
});
