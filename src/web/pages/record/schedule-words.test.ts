import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../i18n';
import { relativeDay, windowShort, windowWords } from './schedule-words';

const t = (k: MessageKey, p?: Params) => translate('id', k, p);
const d = (iso: string) => iso;
const w = { earliest: '2025-03-01', due: '2025-03-31', latest: '2025-06-30' };

describe('schedule window in words', () => {
  it('says how far a date is from the reading day', () => {
    expect(relativeDay(t, '2025-03-10', '2025-03-10')).toBe('hari ini');
    expect(relativeDay(t, '2025-03-10', '2025-03-11')).toBe('besok');
    expect(relativeDay(t, '2025-03-10', '2025-03-09')).toBe('kemarin');
    expect(relativeDay(t, '2025-03-10', '2025-03-31')).toBe('21 hari lagi');
    expect(relativeDay(t, '2025-03-10', '2025-03-01')).toBe('9 hari lalu');
  });

  it('names the date that matters for each status', () => {
    expect(windowWords(t, d, { status: 'upcoming', window: w }, '2025-02-20')).toContain('2025-03-01');
    expect(windowWords(t, d, { status: 'due', window: w }, '2025-03-10')).toContain('2025-03-31');
    const late = windowWords(t, d, { status: 'overdue', window: w }, '2025-04-10');
    expect(late).toContain('2025-04-01');
    expect(late).toContain('2025-06-30');
    expect(windowWords(t, d, { status: 'done', window: w, satisfiedBy: { eventId: 'e', date: '2025-03-05', onTime: true } }, '2025-04-01')).toContain('2025-03-05');
    expect(windowWords(t, d, { status: 'done', window: w, satisfiedBy: { eventId: 'e', date: '2025-04-05', onTime: false } }, '2025-04-10')).not.toBe(
      windowWords(t, d, { status: 'done', window: w, satisfiedBy: { eventId: 'e', date: '2025-04-05', onTime: true } }, '2025-04-10'),
    );
    expect(windowWords(t, d, { status: 'missed', window: w }, '2025-07-10')).toContain('2025-06-30');
  });

  it('says the one date that matters in short', () => {
    expect(windowShort(t, d, { status: 'upcoming', window: w })).toBe('mulai 2025-03-01');
    expect(windowShort(t, d, { status: 'due', window: w })).toBe('s.d. 2025-03-31');
    expect(windowShort(t, d, { status: 'overdue', window: w })).toBe('masih bisa s.d. 2025-06-30');
    expect(windowShort(t, d, { status: 'missed', window: w })).toBe('tutup 2025-06-30');
    expect(windowShort(t, d, { status: 'done', window: w })).toBe('');
  });
});
