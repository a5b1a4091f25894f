import type { ConsoleDocument, ConsoleStepGroup } from '../../api/review-api';

/**
 * The documents that prove a step's fields (the server says which fields each proves), one
 * per document: a 补充材料 upload replaces the original it was asked for.
 */
export function proofsOf(documents: readonly ConsoleDocument[], step: ConsoleStepGroup): ConsoleDocument[] {
  const ids = new Set(step.fields.map((field) => field.id));
  const proving = documents.filter((doc) => doc.proves.some((id) => ids.has(id)));
  const newest = new Map<string, ConsoleDocument>();
  for (const doc of proving) {
    const item = doc.supplement ? doc.docId.slice('supplement.'.length) : doc.docId;
    const seen = newest.get(item);
    if (!seen || doc.supplement) newest.set(item, doc);
  }
  return [...newest.values()];
}
