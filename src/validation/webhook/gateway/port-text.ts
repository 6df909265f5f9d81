/**
 * Go's `%v` of a Gateway `*networking.Port`: the proto message's String(), protobuf-go's single-line
 * text format (`number:80 protocol:"HTTP" name:"http"`), fields in field-number order, zero values left out.
 */

/** protobuf-go's text-format string literal: `"`, `\` and control characters escaped, C1 controls as \u. */
function protoString(value: string): string {
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

/**
 * The text of a Gateway server port as Istio prints it in `port name must be set: %v`.
 * unverified: protobuf-go randomly (per binary) puts one or two spaces between fields; one is assumed.
 */
export function portText(port: any): string {
  const fields: string[] = [];
  const number = typeof port?.number === 'number' ? port.number : 0;
  const protocol = typeof port?.protocol === 'string' ? port.protocol : '';
  const name = typeof port?.name === 'string' ? port.name : '';
  const targetPort = typeof port?.targetPort === 'number' ? port.targetPort : 0;
  if (number !== 0) fields.push(`number:${number}`);
  if (protocol !== '') fields.push(`protocol:${protoString(protocol)}`);
  if (name !== '') fields.push(`name:${protoString(name)}`);
  if (targetPort !== 0) fields.push(`target_port:${targetPort}`);
  return fields.join(' ');
}
