import { reviewMessages } from './review-messages';
import type { ServiceDefinition } from '../../miniprogram/domain/services/definition-types';

/**
 * Supplement items: a reviewer asks for documents of the service (by document id) and/or
 * 'other' (anything the note describes). The citizen uploads each into the 补充材料 slot,
 * stored as the application file `supplement.<item>` beside the original.
 */
export const OTHER_ITEM = 'other';
/** The item 'other', named in the language of the request. */
export const otherItemLabel = (): string => reviewMessages.otherSupplementItem;

export function supplementDocId(item: string): string {
  return `supplement.${item}`;
}

export function supplementItems(service: ServiceDefinition): Array<{ id: string; label: string; kind: 'id_photo' | 'image' }> {
  return [
    ...service.documents.filter((d) => d.kind !== 'signature').map((d) => ({ id: d.id, label: d.label, kind: d.kind === 'id_photo' ? ('id_photo' as const) : ('image' as const) })),
    { id: OTHER_ITEM, label: otherItemLabel(), kind: 'image' as const },
  ];
}

export function validSupplementItems(service: ServiceDefinition, items: readonly string[]): boolean {
  const known = new Set(supplementItems(service).map((i) => i.id));
  return items.length > 0 && items.length <= 20 && items.every((item) => known.has(item));
}

export function supplementItemLabel(service: ServiceDefinition, item: string): string {
  return supplementItems(service).find((i) => i.id === item)?.label ?? item;
}
