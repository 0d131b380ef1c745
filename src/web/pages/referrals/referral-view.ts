/**
 * What a user may do with a referral, as the server decides it
 * (src/server/modules/referrals: the receiving facility receives, handles and
 * back-refers; either side cancels while it is open or adds a note; for a
 * facility without Siklus users — a hospital, a clinic — the sender records
 * its answer). The buttons follow these rules; the server enforces them.
 */
import { ROLE_FACILITY } from '../../../core/access/roles';
import type { FacilityType } from '../../../core/facilities/types';
import type { Me } from '../../api/types';
import type { Findings, Referral, ReferralStatus } from '../../api/referrals';

/** Facility types that have Siklus users (a role is bound to them); the others answer on paper. */
const NETWORK_TYPES: ReadonlySet<FacilityType> = new Set(Object.values(ROLE_FACILITY).filter((x): x is FacilityType => x !== null));

export interface Side {
  sender: boolean;
  receiver: boolean;
  /** The sender records the answer of a facility outside the network. */
  onBehalf: boolean;
}

export function sideOf(me: Pick<Me, 'facility'>, r: Pick<Referral, 'from' | 'to'>): Side {
  const mine = me.facility?.id ?? null;
  const sender = mine !== null && mine === r.from.id;
  const receiver = mine !== null && mine === r.to.id;
  const onBehalf = !receiver && sender && !NETWORK_TYPES.has(r.to.type);
  return { sender, receiver: receiver || onBehalf, onBehalf };
}

export type Action = 'receive' | 'handle' | 'back_refer' | 'cancel' | 'note';

/** The status machine of a referral: sent → received → handled → back_referred; cancelled while open. */
const FROM: Record<Exclude<Action, 'note'>, readonly ReferralStatus[]> = {
  receive: ['sent'],
  handle: ['sent', 'received'],
  back_refer: ['handled'],
  cancel: ['sent', 'received'],
};

export function actionsFor(status: ReferralStatus, side: Side): Action[] {
  const out: Action[] = [];
  if (side.receiver) {
    if (FROM.receive.includes(status)) out.push('receive');
    if (FROM.handle.includes(status)) out.push('handle');
    if (FROM.back_refer.includes(status)) out.push('back_refer');
  }
  if ((side.receiver || side.sender) && FROM.cancel.includes(status)) out.push('cancel');
  if (side.receiver || side.sender) out.push('note');
  return out;
}

export const STATUS_TONE: Record<ReferralStatus, 'primary' | 'success' | 'danger' | 'warning' | 'info' | undefined> = {
  sent: 'info',
  received: 'primary',
  handled: 'success',
  back_referred: 'success',
  cancelled: undefined,
};

export const URGENCY_TONE = { emergency: 'danger', urgent: 'warning', routine: undefined } as const;

/** Findings rows as typed (label and value) to the flat object the server takes; numbers stay numbers. */
export function findingsFromRows(rows: ReadonlyArray<{ key: string; value: string }>): Findings | null {
  const out: Findings = {};
  for (const r of rows) {
    const k = r.key.trim();
    const v = r.value.trim();
    if (!k || !v) continue;
    const n = Number(v.replace(',', '.'));
    out[k] = /^-?\d+([.,]\d+)?$/.test(v) && Number.isFinite(n) ? n : v;
  }
  return Object.keys(out).length ? out : null;
}

/** A findings value for reading: lists joined, booleans as the words given. */
export function findingText(v: Findings[string], yes: string, no: string, num: (n: number) => string): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v === 'number') return num(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? num(x) : x)).join(', ');
  return v;
}
