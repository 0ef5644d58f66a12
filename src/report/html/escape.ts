/**
 * Text from the user's files in HTML: escaped for element content and for
 * quoted attribute values alike, with control and bidi characters shown as
 * visible escapes (as the terminal reporters do), so a title can neither
 * inject markup nor reorder the text around it.
 */
import { sanitizeText } from '../../core/text.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return sanitizeText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
