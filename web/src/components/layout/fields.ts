// The rows a FieldList draws, and the small helpers the pages build them with.

/** One term and its value; in a `boxed` list each pair is wrapped in a div that carries the test id. */
export interface Field {
  key: string;
  label: string;
  value?: string | number | null;
  testId?: string;
  class?: string;
}

/** The fields in order, less the ones a page left out (written `condition && { … }`). */
export function presentFields(fields: (Field | false)[]): Field[] {
  return fields.filter((field): field is Field => field !== false);
}

/** «Place · object», or the place alone. */
export function placeLabel(place: string, objectName: string | null | undefined): string {
  return objectName ? `${place} · ${objectName}` : place;
}
