/**
 * `siklus protocol`: prints the ILP service protocol — every item with its
 * window, target group, place and source, then the district settings (⚠ =
 * rests on a fact the reference notes mark unconfirmed). `--json` prints
 * describeProtocol() as is, for tools and the web page.
 */
import { readFile } from 'node:fs/promises';
import { describeProtocol, type ProtocolDescription } from '../../../core/protocol/describe';
import { resolveSettings } from '../../../core/protocol/settings-validate';
import type { Source } from '../../../core/protocol/types';
import { message } from '../../../core/i18n/messages';
import { UsageError, type Command } from '../command';

export interface ProtocolIo {
  stdout(text: string): void;
  readFile(path: string): Promise<string>;
}

interface Options {
  json: boolean;
  lang: 'id' | 'en';
  programme: string | undefined;
  settingsFile: string | undefined;
}

function parseArgs(args: string[]): Options {
  const o: Options = { json: false, lang: 'id', programme: undefined, settingsFile: undefined };
  const value = (i: number, flag: string) => {
    const v = args[i];
    if (!v || v.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--lang') {
      const v = value(++i, '--lang');
      if (v !== 'id' && v !== 'en') throw new UsageError('--lang is id or en.');
      o.lang = v;
    } else if (a === '--programme') o.programme = value(++i, '--programme');
    else if (a === '--settings') o.settingsFile = value(++i, '--settings');
    else throw new UsageError(`Unknown option ${a}.`);
  }
  return o;
}

const sourceText = (s: Source) => `${s.key} ${s.clause}${s.unconfirmed ? ' ⚠' : ''}`;

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export function formatProtocol(d: ProtocolDescription, lang: 'id' | 'en', programme?: string): string {
  const head = lang === 'id'
    ? ['ITEM', 'LAYANAN', 'WAKTU', 'SASARAN', 'TEMPAT', 'SUMBER']
    : ['ITEM', 'SERVICE', 'WINDOW', 'TARGET', 'WHERE', 'SOURCE'];
  const out: string[] = [
    `${lang === 'id' ? 'Protokol' : 'Protocol'} ${d.protocolVersion} · ${lang === 'id' ? 'pengaturan' : 'settings'} ${d.settingsFingerprint}` +
      (d.changedSettings.length ? ` (${lang === 'id' ? 'diubah' : 'changed'}: ${d.changedSettings.join(', ')})` : ''),
  ];
  for (const p of d.programmes) {
    if (programme && p.id !== programme) continue;
    const items = d.items.filter((i) => i.programme === p.id);
    out.push('', `${p.label[lang]} [${p.id}]`, table([head, ...items.map((i) => [
      `${i.id}${i.unconfirmed ? ' ⚠' : ''}${i.gate && !i.gate.on ? (lang === 'id' ? ' (nonaktif)' : ' (off)') : ''}`,
      i.label[lang], i.window[lang], i.who[lang], i.where.join(','), i.sources.map(sourceText).join('; '),
    ])]));
  }
  if (!programme) {
    out.push('', lang === 'id' ? 'Pengaturan daerah' : 'District settings', table([
      [lang === 'id' ? 'PENGATURAN' : 'SETTING', lang === 'id' ? 'KETERANGAN' : 'MEANING', lang === 'id' ? 'SUMBER' : 'SOURCE', lang === 'id' ? 'NILAI' : 'VALUE'],
      ...d.settings.map((s) => [
        `${s.path}${s.unconfirmed ? ' ⚠' : ''}${s.changed ? ' *' : ''}`, s.label[lang], s.sources.map(sourceText).join('; '), JSON.stringify(s.value),
      ]),
    ]));
    out.push('', lang === 'id' ? 'Status' : 'Statuses', table(d.statuses.map((s) => [s.id, s.label[lang], s.definition[lang]])));
  }
  return `${out.join('\n')}\n`;
}

export async function runProtocolCommand(args: string[], io: ProtocolIo): Promise<number> {
  const o = parseArgs(args);
  let input: unknown;
  if (o.settingsFile) {
    try {
      input = JSON.parse(await io.readFile(o.settingsFile));
    } catch (e) {
      throw new UsageError(`Cannot read settings ${o.settingsFile}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const { settings, issues } = resolveSettings(input);
  if (issues.length) {
    throw new UsageError(`Invalid settings:\n${issues.map((i) => `  ${i.field ?? ''}: ${i.code}${i.params ? ` ${JSON.stringify(i.params)}` : ''} — ${message(i, o.lang)}`).join('\n')}`);
  }
  const d = describeProtocol(settings);
  if (o.programme && !d.programmes.some((p) => p.id === o.programme)) {
    throw new UsageError(`Unknown programme ${o.programme}; one of ${d.programmes.map((p) => p.id).join(', ')}.`);
  }
  if (o.json) {
    const filtered = o.programme ? { ...d, items: d.items.filter((i) => i.programme === o.programme) } : d;
    io.stdout(`${JSON.stringify(filtered, null, 2)}\n`);
  } else io.stdout(formatProtocol(d, o.lang, o.programme));
  return 0;
}

export const protocolCommand: Command = {
  name: 'protocol',
  summary: 'Print the ILP service protocol: items, windows, sources, district settings',
  usage: 'siklus protocol [--json] [--lang id|en] [--programme <id>] [--settings <file.json>]',
  run: (args) => runProtocolCommand(args, { stdout: (t) => process.stdout.write(t), readFile: (p) => readFile(p, 'utf8') }),
};
