/**
 * The protocol version. Bump it whenever an item, window, cut-off or default
 * setting changes, so stored schedule states can be recomputed and every
 * result says which rules made it. Format: ILP-<KMK number>/<Siklus revision>.
 */
export const PROTOCOL_VERSION = 'ILP-2015-2023/siklus-3';
