/**
 * protobuf-go's text format of a message on one line, as a proto message's String() and Go's `%v`
 * print it (`number:80 protocol:"HTTP" name:"http"`): fields in field-number order under their proto
 * names, zero values left out. Scalar fields only: what Istio's messages print.
 * unverified: protobuf-go randomly (per binary) puts one or two spaces between fields; one is assumed.
 */

/** A scalar field of a message: its proto name and value ('' and 0 are zero values). */
export type TextField = readonly [name: string, value: string | number];

/** protobuf-go's text-format string literal: `"`, `\` and control characters escaped, C1 controls as \u. */
function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code <= 0x9f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The text of a message whose fields are given in field-number order. */
export function messageText(fields: readonly TextField[]): string {
  const out: string[] = [];
  for (const [name, value] of fields) {
    if (typeof value === 'string') {
      if (value !== '') out.push(`${name}:${quoteString(value)}`);
    } else if (value !== 0) {
      out.push(`${name}:${value}`);
    }
  }
  return out.join(' ');
}

/** A Gateway server's `*networking.Port` (number, protocol, name, target_port), as Istio prints it in `port name must be set: %v`. */
export function portText(port: any): string {
  return messageText([
    ['number', typeof port?.number === 'number' ? port.number : 0],
    ['protocol', typeof port?.protocol === 'string' ? port.protocol : ''],
    ['name', typeof port?.name === 'string' ? port.name : ''],
    ['target_port', typeof port?.targetPort === 'number' ? port.targetPort : 0],
  ]);
}
