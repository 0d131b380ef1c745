import { describe, expect, it } from 'vitest';
import { UsageError } from '../command';
import { runProtocolCommand } from './protocol';

async function run(args: string[], files: Record<string, string> = {}) {
  let out = '';
  const code = await runProtocolCommand(args, {
    stdout: (t) => { out += t; },
    readFile: async (p) => {
      if (!(p in files)) throw new Error('ENOENT');
      return files[p]!;
    },
  });
  return { code, out };
}

describe('siklus protocol', () => {
  it('prints the catalogue as a table per programme, then settings and statuses', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Protokol ILP-2015-2023\/siklus-\d+ · pengaturan s-[0-9a-f]+\n/);
    expect(out).toContain('Imunisasi [immunization]');
    expect(out).toMatch(/imm\.dpt-hb-hib-4 ⚠\s+Imunisasi DPT-HB-Hib 4\s+umur 18 bulan s\.d\. < 60 bulan; tepat waktu s\.d\. < 24 bulan; ≥ 12 bulan setelah dosis 3/);
    expect(out).toMatch(/imm\.je ⚠ \(nonaktif\)/);
    expect(out).toMatch(/immunization\.jeEndemic ⚠\s+Daerah endemis JE\s+KMK Tabel 7.*false\n/);
    expect(out).toMatch(/missed\s+Terlewat/);
  });
  it('prints English and one programme', async () => {
    const { out } = await run(['--lang', 'en', '--programme', 'anc']);
    expect(out).toContain('Antenatal care [anc]');
    expect(out).toMatch(/anc\.k2\s+ANC contact K2\s+gestational age 12 wk 1 d to 24 wk/);
    expect(out).not.toContain('[immunization]');
    expect(out).not.toContain('District settings');
  });
  it('prints JSON and applies a settings file', async () => {
    const { out } = await run(['--json', '--settings', 'konawe.json'], { 'konawe.json': JSON.stringify({ immunization: { jeEndemic: true } }) });
    const d = JSON.parse(out);
    expect(d.changedSettings).toEqual(['immunization.jeEndemic']);
    expect(d.items.find((i: { id: string }) => i.id === 'imm.je').gate).toEqual({ setting: 'immunization.jeEndemic', on: true });
  });
  it('rejects bad options and bad settings with a usage error', async () => {
    await expect(run(['--wide'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--programme', 'dental'])).rejects.toThrow(/Unknown programme dental/);
    await expect(run(['--settings', 'x.json'], { 'x.json': '{"immunization":{"jeEndemic":"ya"}}' })).rejects.toThrow(/immunization\.jeEndemic: setting_type/);
    await expect(run(['--settings', 'missing.json'])).rejects.toThrow(/Cannot read settings/);
  });
});
