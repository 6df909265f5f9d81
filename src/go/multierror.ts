/** hashicorp/go-multierror's default error text, which Istio's rules pass through to the user. */

/** `%v` of a *multierror.Error with these errors (its default ListFormatFunc). */
export function multiErrorText(errors: readonly string[]): string {
  if (errors.length === 1) return `1 error occurred:\n\t* ${errors[0]}\n\n`;
  return `${errors.length} errors occurred:\n\t${errors.map(e => `* ${e}`).join('\n\t')}\n\n`;
}
