import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { statusSql } from './status-sql';

const text = (s: ReturnType<typeof statusSql>) => new PgDialect().sqlToQuery(s);

describe('statusSql', () => {
  it('writes due or overdue as one window, earliest ≤ day ≤ latest', () => {
    const q = text(statusSql(['due', 'overdue'], '2026-06-01'));
    expect(q.sql).toContain('i.earliest <= $');
    expect(q.sql).toContain('i.latest >= $');
    expect(q.sql).not.toContain('i.due');
  });

  it('keeps the regions where their union is not a box (upcoming or overdue)', () => {
    const q = text(statusSql(['upcoming', 'overdue'], '2026-06-01'));
    expect(q.sql).toContain(' or ');
    expect(q.sql).toContain('i.due');
  });

  it('every open-window status together needs no comparison of the window', () => {
    const q = text(statusSql(['due', 'overdue', 'missed', 'upcoming'], '2026-06-01', 's'));
    expect(q.sql).not.toContain('s.earliest');
    expect(q.sql).toContain("s.state = 'unreachable'");
  });
});
