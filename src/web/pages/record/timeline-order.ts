/**
 * The order of a visit's events on the timeline, as the Buku KIA and the
 * registers read: measurements first, then screenings, immunizations,
 * services, conditions and diagnoses, deliveries, notes; corrections right
 * after what they correct.
 */
const KIND_ORDER = ['measurement', 'screening', 'immunization', 'service', 'condition', 'diagnosis', 'delivery', 'note'];

interface Orderable {
  id: string;
  kind: string;
  label: string;
  supersedesId?: string | null;
}

export function orderVisitEvents<E extends Orderable>(events: readonly E[]): E[] {
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  const byId = new Map(events.map((e) => [e.id, e]));
  // A correction sorts as the event it corrects, just after it.
  const root = (e: E): E => {
    let r = e;
    for (let n = 0; n < events.length && r.supersedesId && byId.has(r.supersedesId); n++) r = byId.get(r.supersedesId)!;
    return r;
  };
  const depth = (e: E) => {
    let d = 0;
    for (let r = e; r.supersedesId && byId.has(r.supersedesId) && d < events.length; r = byId.get(r.supersedesId)!) d++;
    return d;
  };
  return [...events].sort((a, b) => {
    const ra = root(a);
    const rb = root(b);
    return rank(ra.kind) - rank(rb.kind) || ra.label.localeCompare(rb.label) || ra.id.localeCompare(rb.id) || depth(a) - depth(b);
  });
}
