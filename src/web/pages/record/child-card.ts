import { addOffset, dayFromIso } from '../../../core/protocol/offset';
import { AGE_STAGES } from '../../../core/protocol/stages';

/** Children keep the KMS and the immunization card through the preschool stage (kohort anak balita dan prasekolah). */
const PRESCHOOL_END = AGE_STAGES.find((s) => s.id === 'prasekolah')!.to!;

/** Whether the person is still of the age of the Buku KIA child pages (KMS, IDL and baduta coverage) on a date. */
export function isChildOn(birthDate: string, on: string): boolean {
  return dayFromIso(on) < addOffset(dayFromIso(birthDate), PRESCHOOL_END);
}
