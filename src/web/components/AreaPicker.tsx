import { useEffect, useId, useMemo, useState } from 'react';
import { getArea } from '../api/areas';
import type { Area, AreaDetail } from '../api/types';
import { useI18n } from '../i18n';
import { isWithin, lineage } from '../../core/areas/codes';
import { areaTypeLabel, displayName, LEVEL_KEY } from '../lib/format';
import { Icon } from './Icon';

const cache = new Map<string, { at: number; p: Promise<AreaDetail> }>();
const TTL_MS = 60_000;

/** Area details, shared between pickers on a page for a minute. */
export function cachedArea(code: string): Promise<AreaDetail> {
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.p;
  const p = getArea(code);
  cache.set(code, { at: Date.now(), p });
  p.catch(() => cache.delete(code));
  return p;
}

export function forgetArea(code: string): void {
  cache.delete(code);
}

/**
 * Chooses an area by walking down the tree from `rootCode`: one select per
 * level (kecamatan → desa → dusun/RW → RT). `onChange` gets the deepest
 * choice whose level is in `selectableLevels`, or '' when none is.
 */
export function AreaPicker({ label, name, value, onChange, rootCode, selectableLevels, error, required, hint, allowRoot, within }: {
  label: string;
  name: string;
  value: string;
  onChange: (code: string, area?: Area) => void;
  rootCode: string;
  selectableLevels?: readonly string[];
  error?: string | null;
  required?: boolean;
  hint?: string;
  /** the root itself is a valid choice when nothing below is chosen */
  allowRoot?: boolean;
  /**
   * Only areas inside these (or on the way down to them) are offered: a
   * Puskesmas's work area is a set of desa, not a whole kecamatan.
   */
  within?: readonly string[];
}) {
  const { t } = useI18n();
  const uid = useId().replace(/:/g, '');
  const [root, setRoot] = useState<AreaDetail | null>(null);
  const [chain, setChain] = useState<string[]>(() => initialChain(rootCode, value));
  const [details, setDetails] = useState<Record<string, AreaDetail>>({});
  const [loadError, setLoadError] = useState(false);

  useEffect(() => {
    let live = true;
    cachedArea(rootCode).then(
      (d) => live && setRoot(d),
      () => live && setLoadError(true),
    );
    return () => {
      live = false;
    };
  }, [rootCode]);

  // Outside changes of `value` (form reset) re-seed the chain.
  useEffect(() => {
    const last = chain[chain.length - 1] ?? '';
    if (value && value !== last && !chain.includes(value)) setChain(initialChain(rootCode, value));
    if (!value && chain.length && isSelectable(chain[chain.length - 1]!)) setChain([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, rootCode]);

  useEffect(() => {
    let live = true;
    for (const c of chain) {
      if (details[c]) continue;
      cachedArea(c).then(
        (d) => live && setDetails((prev) => ({ ...prev, [c]: d })),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [chain, details]);

  function isSelectable(code: string): boolean {
    if (!selectableLevels) return true;
    const d = details[code]?.area ?? findIn(code);
    return !!d && selectableLevels.includes(d.level);
  }

  function findIn(code: string): Area | undefined {
    for (const d of [root, ...Object.values(details)]) {
      const hit = d?.children.find((c) => c.code === code);
      if (hit) return hit;
    }
    return undefined;
  }

  const levels = useMemo(() => {
    const rows: { parent: AreaDetail | null; selected: string }[] = [];
    rows.push({ parent: root, selected: chain[0] ?? '' });
    for (let i = 0; i < chain.length; i++) {
      const d = details[chain[i]!];
      if (!d || d.children.length === 0) break;
      rows.push({ parent: d, selected: chain[i + 1] ?? '' });
    }
    return rows;
  }, [root, chain, details]);

  function choose(depth: number, code: string) {
    const next = code ? [...chain.slice(0, depth), code] : chain.slice(0, depth);
    setChain(next);
    // deepest selectable
    for (let i = next.length - 1; i >= 0; i--) {
      const c = next[i]!;
      const a = findIn(c) ?? details[c]?.area;
      if (!selectableLevels || (a && selectableLevels.includes(a.level))) {
        onChange(c, a);
        return;
      }
    }
    if (allowRoot && root && (!selectableLevels || selectableLevels.includes(root.area.level))) onChange(rootCode, root.area);
    else onChange('');
  }

  const errId = error ? `ap-${uid}-err` : undefined;
  return (
    <fieldset className="fieldset" data-field={name} aria-describedby={errId}>
      <legend className="label" style={{ fontSize: 'var(--fs-sm)', fontWeight: 600, marginBottom: 6 }}>
        {label}
        {required ? (
          <span className="req" aria-hidden="true">
            *
          </span>
        ) : (
          <span className="optional" style={{ fontWeight: 400, color: 'var(--c-muted)' }}>
            {' '}
            ({t('common.optional')})
          </span>
        )}
      </legend>
      <div className="area-picker">
        {root && (
          <div className="area-picker-row">
            <span>{areaTypeLabel(t, root.area.level, root.area.kind)}</span>
            <strong style={{ fontSize: 'var(--fs-sm)' }}>{displayName(root.area.name)}</strong>
          </div>
        )}
        {!root && !loadError && (
          <div className="loading" style={{ padding: '4px 0' }} role="status">
            <span className="spinner" aria-hidden="true" />
            {t('common.loading')}
          </div>
        )}
        {loadError && <p className="field-error">{t('error.server')}</p>}
        {root &&
          levels.map((row, depth) => {
            const opts = (row.parent?.children ?? []).filter((o) => !within || within.some((w) => isWithin(o.code, w) || isWithin(w, o.code)));
            if (opts.length === 0) return null;
            const lvl = opts[0]!.level;
            const id = `ap-${uid}-${depth}`;
            return (
              <div className="area-picker-row" key={`${depth}-${row.parent?.area.code}`}>
                <label htmlFor={id}>
                  <span className="small muted">{t(LEVEL_KEY[lvl])}</span>
                </label>
                <select
                  id={id}
                  name={depth === levels.length - 1 ? name : undefined}
                  data-level={lvl}
                  className="select"
                  value={row.selected}
                  aria-invalid={(!!error && depth === levels.length - 1) || undefined}
                  onChange={(e) => choose(depth, e.target.value)}
                >
                  <option value="">{t('common.choose')}</option>
                  {opts.map((o) => (
                    <option key={o.code} value={o.code}>
                      {displayName(o.name)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
      </div>
      {error && (
        <p className="field-error" id={errId} data-testid={`error-${name}`}>
          <Icon name="alertCircle" />
          <span>{error}</span>
        </p>
      )}
      {hint && <p className="hint">{hint}</p>}
    </fieldset>
  );
}

function initialChain(rootCode: string, value: string): string[] {
  if (!value) return [];
  const l = lineage(value);
  const i = l.indexOf(rootCode);
  return i >= 0 ? l.slice(i + 1) : [];
}
