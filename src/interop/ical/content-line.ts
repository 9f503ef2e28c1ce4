/**
 * RFC 5545 content lines: TEXT escaping (§3.3.11), parameter values (§3.2) and line folding at
 * 75 octets (§3.1), which must never split a UTF-8 character.
 * @internal
 * @module
 */

/** Longest line, in octets, before a fold (the CRLF is not counted). */
export const FOLD_OCTETS = 75;

// Control characters other than HTAB are not allowed in TEXT or parameter values (§3.1).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (CRLF, CR or LF become `\n`). */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted when it holds `:`, `;` or `,`; double quotes and controls removed. */
export function paramValue(value: string): string {
  const clean = value.replace(CONTROL, '').replace(/[\r\n"]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line so that no physical line exceeds 75 octets: a CRLF and one space are
 * inserted before the character that would cross the limit (the space counts on the next line).
 */
export function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const ch of line) {
    const size = octets(ch.codePointAt(0) ?? 0);
    if (used + size > FOLD_OCTETS) {
      out += '\r\n ';
      used = 1;
    }
    out += ch;
    used += size;
  }
  return out;
}

/** A property with optional parameters: `NAME;P=V:value` (the value is written as given). */
export function property(name: string, value: string, params: Readonly<Record<string, string>> = {}): string {
  let head = name;
  for (const [k, v] of Object.entries(params)) head += `;${k}=${paramValue(v)}`;
  return `${head}:${value}`;
}

/** A TEXT property: the value is escaped. */
export function textProperty(name: string, value: string, params: Readonly<Record<string, string>> = {}): string {
  return property(name, escapeText(value), params);
}

/** Joins content lines into an iCalendar stream: each folded, each ended by CRLF. */
export function serialize(lines: readonly string[]): string {
  return lines.map((l) => `${fold(l)}\r\n`).join('');
}
