import type { DueOffer } from './due-offers';
import type { ScreeningContext } from './questionnaires';
import type { VisitDraft, VisitPerson } from './visit-draft';

/** What every form section gets from the recorder. */
export interface SectionProps {
  draft: VisitDraft;
  update: (fn: (d: VisitDraft) => void) => void;
  /** The message for a field (the browser's check or the server's), or null. */
  err: (field: string) => string | null;
  /** Warnings the server raised on a field (to confirm before saving). */
  warn: (field: string) => string[];
  /** The open due items this section records. */
  offers: DueOffer[];
  person: VisitPerson;
  /** The visit date. */
  on: string;
  screening: ScreeningContext;
}
