import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, message } from './messages';

/** Every issue code that core or the server can produce must have a message (a kader reads it). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('.testing.') ? [p] : [];
  });
}

describe('messages', () => {
  it('exist for every issue code pushed in core and server code', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const codes = new Set<string>();
    for (const file of [...sources(join(root, 'core')), ...sources(join(root, 'server'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\{\s*(?:\.\.\.\w+,\s*)?code:\s*'([a-z0-9_]+)'\s*,\s*(?:field|params)/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((c) => !hasMessage(c));
    expect(missing).toEqual([]);
  });
  it('fills parameters in both languages', () => {
    expect(message({ code: 'setting_range', params: { min: 1, max: 12 } })).toBe('Nilai harus antara 1 dan 12.');
    expect(message({ code: 'screening_age', params: { min: 40 } }, 'en')).toBe('This screening is for ages 40 and over.');
  });
});
