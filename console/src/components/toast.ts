/**
 * The console's one way to say "done" or "failed" in passing. One toast at a time: a new
 * one replaces the last instead of piling up, and a page change clears it (main.ts), so a
 * reviewer moving fast through 200 applications never reads yesterday's message.
 */
import { MessagePlugin } from 'tdesign-vue-next';

const DURATION_MS = 2500;

function show(theme: 'success' | 'error' | 'warning', text: string) {
  MessagePlugin.closeAll();
  return MessagePlugin[theme]({ content: text, duration: DURATION_MS });
}

export const toast = {
  success: (text: string) => show('success', text),
  error: (text: string) => show('error', text),
  warning: (text: string) => show('warning', text),
  clear: () => MessagePlugin.closeAll(),
};
