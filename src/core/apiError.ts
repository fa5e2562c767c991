// The platform's error body (platform-contract.md §2.4), written by the sandbox and read by the extension.

export interface ApiErrorBody {
  message: string;
  exception: { id: string; properties: string[] };
  violations: ApiViolation[];
}

export interface ApiViolation {
  message: string;
  exception?: { id: string; properties: string[] };
}

export function apiErrorBody(
  id: string,
  message: string,
  properties: string[] = [],
  violations: ApiViolation[] = [],
): ApiErrorBody {
  return { message: `${id}: ${message}`, exception: { id, properties }, violations };
}

/** Reads an error body defensively; undefined when the value is not one. */
export function readApiErrorBody(value: unknown): ApiErrorBody | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r.message !== 'string') return undefined;
  const ex = typeof r.exception === 'object' && r.exception !== null ? (r.exception as Record<string, unknown>) : {};
  const properties = Array.isArray(ex.properties)
    ? ex.properties.filter((p): p is string => typeof p === 'string')
    : [];
  const violations = Array.isArray(r.violations)
    ? r.violations.flatMap((v): ApiViolation[] =>
        typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string'
          ? [{ message: (v as { message: string }).message }]
          : [],
      )
    : [];
  return { message: r.message, exception: { id: typeof ex.id === 'string' ? ex.id : '', properties }, violations };
}
