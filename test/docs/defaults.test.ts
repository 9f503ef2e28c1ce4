// docs/defaults.md cannot drift from the built-in protocols: every table row is checked against
// `standardProtocol` / `protocols`, and every built-in value must have its row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocols, screeningConditions, standardProtocol, type Protocol } from 'smp-protocol';

type Row = Record<string, string>;

const markdown = readFileSync(new URL('../../docs/defaults.md', import.meta.url), 'utf8');

/** The first table under the heading whose text is `heading`, as rows keyed by column heading. */
function table(heading: string): Row[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,4} /.test(line) && line.replace(/^#+ /, '').trim() === heading);
  if (start < 0) throw new Error(`docs/defaults.md has no heading "${heading}"`);
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((cell) => cell.trim().replaceAll('`', ''));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,4} /.test(line)) break;
    if (line.trim().startsWith('|')) rows.push(cells(line));
    else if (rows.length > 0) break;
  }
  const [header, separator, ...body] = rows;
  if (header === undefined || separator === undefined) throw new Error(`no table under "${heading}"`);
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** A cell that must hold a whole number. */
function num(row: Row, column: string): number {
  const text = row[column];
  if (text === undefined || !/^\d+$/.test(text)) throw new Error(`column "${column}" is not a number: ${JSON.stringify(row)}`);
  return Number(text);
}

const builtins: readonly Protocol[] = Object.values(protocols);
const byId = (id: string | undefined): Protocol => {
  const protocol = builtins.find((p) => p.id === id);
  if (protocol === undefined) throw new Error(`no built-in protocol "${id}"`);
  return protocol;
};
/** The protocols a row applies to: `all`, or `all but <id>`. */
function appliesTo(row: Row): Protocol[] {
  const text = row['protocols'] ?? '';
  if (text === 'all') return [...builtins];
  const except = text.match(/^all but (\S+)$/)?.[1];
  if (except === undefined) throw new Error(`unreadable protocols cell: ${text}`);
  byId(except);
  return builtins.filter((p) => p.id !== except);
}

describe('docs/defaults.md matches the built-in protocols', () => {
  it('reads every table it checks', () => {
    for (const heading of [
      'Sessions of the standard course',
      'Protocol variants',
      'Spacing',
      'After the course',
      'Aftercare',
      'Preparation',
      'Eligibility screening',
      'Booking policy',
    ]) {
      expect(table(heading).length, heading).toBeGreaterThan(0);
    }
  });

  it('lists the standard sessions, and the extra session, with phase, title and minutes', () => {
    const rows = table('Sessions of the standard course');
    const expected = [
      ...standardProtocol.sessions.map((s) => ({
        session: String(s.number),
        phase: s.phase,
        title: s.title,
        minutes: String(s.durationMinutes),
      })),
      {
        session: 'extra',
        phase: standardProtocol.extraSessions.phase,
        title: standardProtocol.extraSessions.title,
        minutes: String(standardProtocol.extraSessions.durationMinutes),
      },
    ];
    expect(rows).toEqual(expected);
  });

  it('lists every built-in protocol with its name, sessions, extras, minutes and notice', () => {
    const rows = table('Protocol variants');
    expect(rows.map((r) => r['id'])).toEqual(builtins.map((p) => p.id));
    for (const row of rows) {
      const p = byId(row['id']);
      expect(row['name'], p.id).toBe(p.name);
      expect(num(row, 'sessions'), p.id).toBe(p.sessions.length);
      expect(num(row, 'extra sessions (max)'), p.id).toBe(p.extraSessions.max);
      expect(row['minutes per session'], p.id).toBe(p.sessions.map((s) => s.durationMinutes).join(' / '));
      expect(num(row, 'extra minutes'), p.id).toBe(p.extraSessions.durationMinutes);
      expect(num(row, 'cancellation notice (hours)'), p.id).toBe(p.policy.cancellationNoticeHours);
      expect(p.version, p.id).toBe(1);
    }
  });

  it('gives the five day counts of every gap of every built-in protocol', () => {
    const rows = table('Spacing');
    const expected = builtins.flatMap((p) => [
      ...p.sessions.flatMap((s) =>
        s.gaps.map((g) => {
          // Every built-in gap runs from the previous session, which the table's "n → n+1" says.
          expect(g.from, `${p.id} session ${s.number}`).toBe('previous');
          return { protocol: p.id, gap: `${s.number - 1} → ${s.number}`, ...g };
        }),
      ),
      { protocol: p.id, gap: 'extra', ...p.extraSessions.gap },
    ]);
    expect(rows.map((r) => `${r['protocol']} ${r['gap']}`)).toEqual(expected.map((g) => `${g.protocol} ${g.gap}`));
    rows.forEach((row, i) => {
      const gap = expected[i];
      const where = `${row['protocol']} ${row['gap']}`;
      expect(num(row, 'absolute minimum'), where).toBe(gap?.absoluteMinimumDays);
      expect(num(row, 'minimum'), where).toBe(gap?.minimumDays);
      expect(num(row, 'earliest recommended'), where).toBe(gap?.earliestRecommendedDays);
      expect(num(row, 'latest recommended'), where).toBe(gap?.latestRecommendedDays);
      expect(num(row, 'maximum'), where).toBe(gap?.maximumDays);
    });
  });

  it('gives the review window in days and the maintenance window in months, the same in every protocol', () => {
    const rows = table('After the course');
    expect(rows.map((r) => [r['window'], r['unit']])).toEqual([
      ['review', 'days'],
      ['maintenance', 'months'],
    ]);
    const [review, maintenance] = rows;
    for (const p of builtins) {
      expect(p.review, p.id).toEqual({
        earliestDays: review && num(review, 'earliest'),
        recommendedDays: review && num(review, 'recommended'),
        latestDays: review && num(review, 'latest'),
      });
      expect(p.maintenance, p.id).toEqual({
        earliestMonths: maintenance && num(maintenance, 'earliest'),
        recommendedMonths: maintenance && num(maintenance, 'recommended'),
        latestMonths: maintenance && num(maintenance, 'latest'),
      });
    }
  });

  it('lists exactly the aftercare rules of each protocol, with title, days and when they start', () => {
    const rows = table('Aftercare');
    for (const p of builtins) {
      const documented = rows.filter((r) => appliesTo(r).includes(p));
      expect(documented.map((r) => r['rule']).sort(), p.id).toEqual((p.aftercare ?? []).map((r) => r.rule).sort());
      for (const row of documented) {
        const rule = (p.aftercare ?? []).find((r) => r.rule === row['rule']);
        expect(rule?.title, `${p.id} ${row['rule']}`).toBe(row['title']);
        expect(rule?.days, `${p.id} ${row['rule']}`).toBe(num(row, 'days'));
        expect(rule?.hours, `${p.id} ${row['rule']}`).toBeUndefined();
        expect(rule?.after, `${p.id} ${row['rule']}`).toBe(row['after'] === 'final session' ? 'finalSession' : 'eachSession');
        expect(['each session', 'final session']).toContain(row['after']);
      }
    }
  });

  it('lists exactly the preparation rules of each protocol, with title and window in hours', () => {
    const rows = table('Preparation');
    for (const p of builtins) {
      const documented = rows.filter((r) => appliesTo(r).includes(p));
      expect(documented.map((r) => r['rule']).sort(), p.id).toEqual((p.preparation ?? []).map((r) => r.rule).sort());
      for (const row of documented) {
        const rule = (p.preparation ?? []).find((r) => r.rule === row['rule']);
        expect(rule?.title, `${p.id} ${row['rule']}`).toBe(row['title']);
        expect(rule?.fromHoursBefore, `${p.id} ${row['rule']}`).toBe(num(row, 'from (hours before)'));
        expect(rule?.untilHoursBefore ?? 0, `${p.id} ${row['rule']}`).toBe(num(row, 'until (hours before)'));
      }
    }
  });

  it('lists every screening condition with its outcome and wait, the same in every protocol', () => {
    const rows = table('Eligibility screening');
    expect(rows.map((r) => r['condition'])).toEqual([...screeningConditions]);
    for (const p of builtins) {
      const screening = p.screening;
      expect(screening, p.id).toBeDefined();
      for (const row of rows) {
        const condition = row['condition'] as (typeof screeningConditions)[number];
        const rule = screening?.conditions[condition];
        const where = `${p.id} ${condition}`;
        expect(rule?.outcome, where).toBe(row['outcome']);
        const wait = row['wait'] ?? '';
        const months = wait.match(/^(\d+) months$/)?.[1];
        const days = wait.match(/^(\d+) days$/)?.[1];
        const birthday = wait.match(/^until the (\d+)th birthday$/)?.[1];
        expect(months !== undefined || days !== undefined || birthday !== undefined || wait === '—', `${where}: wait "${wait}"`).toBe(true);
        expect(rule?.waitMonths, where).toBe(months === undefined ? undefined : Number(months));
        expect(rule?.waitDays, where).toBe(days === undefined ? undefined : Number(days));
        if (birthday !== undefined) expect(screening?.minimumAgeYears, where).toBe(Number(birthday));
        const also = row['also'] ?? '';
        expect(rule?.clearanceAfterWait ?? false, where).toBe(also.includes("doctor's clearance"));
        const planned = also.match(/planned within (\d+) days/)?.[1];
        expect(rule?.plannedWithinDays, where).toBe(planned === undefined ? undefined : Number(planned));
      }
    }
  });

  it('gives the booking policy of every protocol', () => {
    const rows = Object.fromEntries(table('Booking policy').map((r) => [r['setting'], r['value']]));
    expect(Object.keys(rows)).toEqual(['cancellation notice (hours)', 'no-shows before the plan is put on hold']);
    for (const p of builtins) {
      expect(p.policy.cancellationNoticeHours, p.id).toBe(Number(rows['cancellation notice (hours)']));
      expect(rows['no-shows before the plan is put on hold']).toBe('unset');
      expect(p.policy.maxNoShows, p.id).toBeUndefined();
    }
  });
});
