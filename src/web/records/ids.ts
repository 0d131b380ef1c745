/**
 * Record ids made in the browser (architecture: "UUIDs made where they are
 * recorded"), so a save retried after a lost answer is stored once.
 * crypto.randomUUID exists only in secure contexts (https or localhost); a
 * Posyandu laptop served over plain http on the village network has only
 * getRandomValues, so a v4 UUID is built from it there.
 */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Stable ids per form slot ("weight", "imm:DPT-HB-Hib:2"): the same slot gets
 * the same id until the visit is saved, so every retry sends the same UUIDs.
 */
export class SlotIds {
  private readonly ids = new Map<string, string>();
  readonly visitId: string;

  constructor(visitId: string = newId()) {
    this.visitId = visitId;
  }

  for(slot: string): string {
    let id = this.ids.get(slot);
    if (!id) this.ids.set(slot, (id = newId()));
    return id;
  }

  /** For keeping a draft across a reload (the ids must survive with it). */
  toJSON(): { visitId: string; slots: Record<string, string> } {
    return { visitId: this.visitId, slots: Object.fromEntries(this.ids) };
  }

  static fromJSON(j: { visitId: string; slots: Record<string, string> }): SlotIds {
    const s = new SlotIds(j.visitId);
    for (const [k, v] of Object.entries(j.slots)) s.ids.set(k, v);
    return s;
  }
}
