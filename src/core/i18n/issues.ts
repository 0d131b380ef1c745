/**
 * A validation finding with a stable code. Messages live in messages.ts so
 * the server and the offline app say the same thing in the same words.
 */
export interface Issue {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}
