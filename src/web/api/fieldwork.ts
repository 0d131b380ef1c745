/**
 * Field work: due lists, the Posyandu day and home visits
 * (docs/fieldwork-api.md "Due lists", "Posyandu day", "Home visits").
 */
import { api, enc } from './client';
import type { PersonSummary, HouseholdSummary } from './types';
import type { ProgrammeId, ScheduleStatus, ScheduleWindow, StageId } from './visits';

/** One open item of a due list. */
export interface DueItem {
  key: string;
  item: string;
  label: string;
  programme: ProgrammeId;
  status: ScheduleStatus;
  window: ScheduleWindow;
  dose?: number | null;
}

export type DuePersonSummary = PersonSummary & {
  ageLabel: string;
  householdId: string | null;
  headName: string | null;
  rt: string | null;
  rw: string | null;
};

export interface DuePerson {
  person: DuePersonSummary;
  stages: StageId[];
  items: DueItem[];
}

export interface DueList {
  on: string;
  total: number;
  people: DuePerson[];
}

export interface DueQuery {
  area?: string;
  facility?: string;
  on?: string;
  /** Comma-separated: due, overdue, missed, upcoming. */
  status?: string;
  stage?: string;
  programme?: string;
  item?: string;
  page?: number;
  pageSize?: number;
}

export const getDue = (q: DueQuery) => api.get<DueList>('/api/due', { ...q });

// ── Posyandu day ──────────────────────────────────────────────────────────

export interface SessionSummary {
  attended: number;
  measured: number;
  served: number;
  referred: number;
  dueButAbsent: number;
  byStage: Partial<Record<StageId, { attended?: number; dueButAbsent?: number } | number>>;
}

export interface PosyanduSession {
  id: string;
  kind: 'posyandu' | 'home_visit';
  facilityId: string | null;
  facilityName?: string | null;
  areaCode: string;
  date: string;
  openedAt: string;
  closedAt: string | null;
  summary: SessionSummary | null;
  notes?: string | null;
}

export interface Steps {
  measured: boolean;
  recorded: boolean;
  served: boolean;
  counselled: boolean;
  referred: boolean;
}

export interface Attendance {
  person: DuePersonSummary;
  visitId: string;
  steps: Steps;
  stages?: StageId[];
  items?: DueItem[];
}

export interface SessionDetail {
  session: PosyanduSession;
  facility: { id: string; name: string; type: string; areaCode: string };
  expected: DuePerson[];
  attended: Attendance[];
}

export interface Absentee {
  person: DuePersonSummary;
  items: DueItem[];
}

export interface CloseResult {
  session?: PosyanduSession;
  summary: SessionSummary;
  absentees: Absentee[];
}

export const openSession = (facilityId: string, date: string) => api.post<PosyanduSession | { session: PosyanduSession }>('/api/posyandu-sessions', { facilityId, date }).then(unwrapSession);

export const getSession = (id: string) => api.get<SessionDetail>(`/api/posyandu-sessions/${enc(id)}`);

export const attend = (sessionId: string, personId: string) =>
  api.post<Attendance>(`/api/posyandu-sessions/${enc(sessionId)}/attend`, { personId });

export const closeSession = (sessionId: string) => api.post<CloseResult>(`/api/posyandu-sessions/${enc(sessionId)}/close`);

export const listSessions = (q: { facility?: string; from?: string; to?: string }) =>
  api.get<{ items: PosyanduSession[] } | PosyanduSession[]>('/api/posyandu-sessions', q).then((r) => (Array.isArray(r) ? r : r.items));

function unwrapSession(r: PosyanduSession | { session: PosyanduSession }): PosyanduSession {
  return 'session' in r ? r.session : r;
}

// ── Home visits ───────────────────────────────────────────────────────────

export type ReasonKind = 'danger_sign' | 'referral_open' | 'missed' | 'overdue' | 'absent_posyandu';

export interface RouteReason {
  kind: ReasonKind;
  personId: string;
  label: string;
  since: string | null;
}

export interface RouteStop {
  household: HouseholdSummary;
  reasons: RouteReason[];
  urgency: 1 | 2 | 3 | 4;
  /** Within the urgency: 1 a mother or newborn, 2 an infant or young child, 3 others. */
  priority: 1 | 2 | 3;
  members: { person: DuePersonSummary; items: DueItem[] }[];
}

export interface HomeVisit {
  id: string;
  householdId: string;
  date: string;
  notes: string | null;
  openedBy?: string | null;
  openedByName?: string | null;
  visits?: { id: string; personId: string; personName?: string; events?: { label: string }[] }[];
}

export const homeVisitRoute = (q: { facility?: string; area?: string; on?: string }) =>
  api.get<{ households: RouteStop[] } | RouteStop[]>('/api/home-visits/route', q).then((r) => (Array.isArray(r) ? r : r.households));

export const createHomeVisit = (input: { id: string; householdId: string; date: string; notes?: string | null }) =>
  api.post<HomeVisit | { session: HomeVisit }>('/api/home-visits', input).then((r) => ('session' in r ? r.session : r));

export const listHomeVisits = (q: { household?: string; facility?: string }) =>
  api.get<{ items: HomeVisit[] } | HomeVisit[]>('/api/home-visits', q).then((r) => (Array.isArray(r) ? r : r.items));
