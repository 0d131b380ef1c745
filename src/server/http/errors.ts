import type { Issue } from '../../core/i18n/issues';
import type { AuditEntry } from '../audit/audit';
import { fieldMessages, message, type Locale } from '../../core/i18n/messages';

/**
 * An error the API reports as `{ error, message, fields?, ... }` with its
 * HTTP status. Codes are stable (clients branch on them); messages are for
 * people, in the request's language (Indonesian unless Accept-Language: en).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
    /**
     * An audit entry to write when this error is answered (a denial). It is
     * written by the route after any transaction has rolled back, never inside it.
     */
    public audit?: AuditEntry,
  ) {
    super(message);
  }
}

const TEXT: Record<string, Record<Locale, string>> = {
  validation_error: { id: 'Data belum benar. Periksa isian yang ditandai.', en: 'Some fields need attention.' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' },
  forbidden: { id: 'Data ini di luar wilayah atau wewenang Anda.', en: 'This is outside your area or permissions.' },
  csrf: { id: 'Sesi formulir kedaluwarsa. Muat ulang halaman lalu coba lagi.', en: 'The form session expired. Reload the page and try again.' },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  version_conflict: {
    id: 'Data ini baru saja diubah orang lain. Muat ulang untuk melihat perubahan terbaru, lalu ulangi.',
    en: 'Someone else changed this record. Reload to see the latest version, then try again.',
  },
  needs_confirmation: { id: 'Periksa peringatan berikut, lalu konfirmasi untuk tetap menyimpan.', en: 'Check these warnings, then confirm to save anyway.' },
  invalid_json: { id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  payload_too_large: { id: 'Data yang dikirim terlalu besar.', en: 'The request body is too large.' },
  unsupported_media_type: { id: 'Kirim data sebagai JSON.', en: 'Send the body as JSON.' },
  rate_limited: { id: 'Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.', en: 'Too many attempts. Try again in {seconds} seconds.' },
  conflict: { id: 'Data bertentangan dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  internal: { id: 'Terjadi kesalahan pada server. Coba lagi; jika berulang, hubungi admin.', en: 'Server error. Try again; if it repeats, contact the admin.' },
};

export function text(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const t = TEXT[code]?.[locale] ?? TEXT.internal![locale];
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'id';
}

export const errors = {
  validation(issues: Issue[], locale: Locale): ApiError {
    return new ApiError(400, 'validation_error', text('validation_error', locale), fieldMessages(issues, locale));
  },
  unauthenticated: (l: Locale) => new ApiError(401, 'unauthenticated', text('unauthenticated', l)),
  forbidden: (l: Locale, audit?: AuditEntry) =>
    new ApiError(403, 'forbidden', text('forbidden', l), undefined, undefined, audit ? { statusCode: 403, ...audit } : undefined),
  notFound: (l: Locale) => new ApiError(404, 'not_found', text('not_found', l)),
  versionConflict: (l: Locale, current: number) => new ApiError(409, 'version_conflict', text('version_conflict', l), undefined, { currentVersion: current }),
  needsConfirmation(warnings: Issue[], l: Locale): ApiError {
    return new ApiError(409, 'needs_confirmation', text('needs_confirmation', l), undefined, {
      warnings: warnings.map((w) => ({ code: w.code, field: w.field ?? null, message: message(w, l) })),
    });
  },
  conflict(issue: Issue, l: Locale, extra?: Record<string, unknown>): ApiError {
    return new ApiError(409, issue.code, message(issue, l), issue.field ? { [issue.field]: message(issue, l) } : undefined, extra);
  },
};
