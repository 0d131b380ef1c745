import { describe, expect, it } from 'vitest';
import { scoreSrq20 } from './srq20';
import { band, issues } from './scored.testing';

const yes = (n: number, extra: number[] = []) => Array.from({ length: 20 }, (_, i) => i < n || extra.includes(i + 1));

describe('SRQ-20', () => {
  it('is abnormal from 6 yes answers', () => {
    expect(band(scoreSrq20({ answers: yes(5) }))).toBe('normal');
    expect(band(scoreSrq20({ answers: yes(6) }))).toBe('abnormal');
    const r = scoreSrq20({ answers: yes(6) });
    expect(r.ok && r.result.score).toBe(6);
    expect(r.ok && r.result.label.id).toMatch(/Abnormal/);
  });
  it('treats item 17 = yes as abnormal whatever the score', () => {
    const a = yes(0, [17]);
    expect(band(scoreSrq20({ answers: a }))).toBe('abnormal');
    expect(band(scoreSrq20({ answers: yes(0, [16]) }))).toBe('normal');
  });
  it('validates the answers', () => {
    expect(issues(scoreSrq20({ answers: yes(3).slice(0, 19) }))[0]).toMatchObject({ code: 'answer_count', field: 'answers' });
    const bad = yes(1) as unknown[];
    bad[4] = 'ya';
    expect(issues(scoreSrq20({ answers: bad as boolean[] }))[0]).toMatchObject({ code: 'invalid', field: 'answers.5' });
  });
});
