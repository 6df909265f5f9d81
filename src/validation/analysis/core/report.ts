/** Collects the findings of an analysis run as diagnostics, with istioctl's message text. */
import { MessageType } from './messages';
import { Entry } from './object-set';
import { goFormat } from '../../../go/format';
import { Diagnostic, objectIdentity } from '../../diagnostic';

/** Where the analyzers put their findings. */
export class Report {
  public readonly diagnostics: Diagnostic[] = [];

  /** A finding of `type` on `entry` at `path`, the template filled with `args`. */
  public add(entry: Entry, type: MessageType, path: string, ...args: unknown[]): void {
    if (entry.external || entry.refused) return;
    this.diagnostics.push({
      severity: type.level,
      code: type.code,
      ...objectIdentity(entry.raw),
      path,
      message: goFormat(type.template, args),
      objectIndex: entry.index,
    });
  }
}
