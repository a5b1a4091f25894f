/**
 * The application view's keyboard: j/k next/previous in queue order, a/s/r/i the decisions,
 * z zoom, n 下一份, ? the list; Enter confirms an open decision dialog. Keys typed into a
 * field (or composing Chinese with an IME), or with a modifier, belong to the field.
 */
import { onBeforeUnmount, onMounted } from 'vue';

type PageKey = 'j' | 'k' | 'a' | 's' | 'r' | 'i' | 'z' | 'n' | '?';
export type ShortcutHandlers = Partial<Record<PageKey, () => void>> & { Enter?: () => void };

/** 'page': the single keys; 'dialog': only Enter (confirm); 'off': none (help open). */
export type ShortcutMode = 'page' | 'dialog' | 'off';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handlers: ShortcutHandlers, mode: () => ShortcutMode) {
  function onKey(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || typing(event.target)) return;
    const now = mode();
    const handler = now === 'dialog' ? (event.key === 'Enter' ? handlers.Enter : undefined) : now === 'page' ? handlers[event.key as PageKey] : undefined;
    if (!handler) return;
    event.preventDefault();
    handler();
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
