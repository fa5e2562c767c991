// The one way to read what was thrown: anything can be thrown in JavaScript, not only Errors.

/** An Error's message, or the text of anything else that was thrown. Not made plain: see core/text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
