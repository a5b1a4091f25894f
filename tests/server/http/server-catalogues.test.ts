import { apostilleMessages } from '../../../miniprogram/domain/apostille-messages';
import { appointmentMessages } from '../../../miniprogram/domain/appointments';
import { infoMessages } from '../../../miniprogram/domain/info-messages';
import { interviewMessages } from '../../../miniprogram/domain/interview';
import { type MessageLocale, setMessageLocaleSource } from '../../../miniprogram/domain/message-locale';
import { messages } from '../../../miniprogram/domain/messages';
import { applicationMessages } from '../../../miniprogram/domain/services/application-messages';
import { STATUS_LABELS } from '../../../miniprogram/domain/services/application-status';
import { nextStepMessages, ORDER_ACTION_LABELS, orderMessages } from '../../../miniprogram/domain/services/order-state-machine';
import { FEE_OPTION_LABELS } from '../../../miniprogram/domain/services/payment-api-types';
import { serverMessages } from '../../../server/messages';
import { pensionMessages } from '../../../server/pension/pension-messages';
import { PHOTO_MESSAGES } from '../../../server/photo/photo-messages';
import { queueMessages, reviewMessages } from '../../../server/workflow/review-messages';

/**
 * Every catalogue the server renders answers from (built with localizedMessages): each key
 * of 简体 in 繁體 and English, with the same placeholders ({x}) or the same parameters, and
 * no Chinese left in English — what tests/miniprogram/locale-catalogues.test.ts checks for
 * the mini-program's own catalogues.
 */
const catalogues: Record<string, object> = {
  serverMessages,
  reviewMessages,
  queueMessages,
  pensionMessages,
  PHOTO_MESSAGES,
  orderMessages,
  ORDER_ACTION_LABELS,
  nextStepMessages,
  STATUS_LABELS,
  FEE_OPTION_LABELS,
  infoMessages,
  interviewMessages,
  apostilleMessages,
  appointmentMessages,
  applicationMessages,
  messages,
};

/** Every leaf, read in `locale`: path → placeholders of a sentence, or a function's parameter count and what it says. */
function leaves(locale: MessageLocale, value: unknown, path = '', into = new Map<string, { shape: string; text: string }>()) {
  if (typeof value === 'string') {
    into.set(path, { shape: [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(','), text: value });
  } else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    // Called with plain values (numbers read as numbers; words as a Latin stand-in), to check the sentence it makes.
    const said = fn(...Array.from({ length: fn.length }, (_, i) => (i % 2 === 0 ? 3 : 'X')));
    into.set(path, { shape: `function/${fn.length}`, text: typeof said === 'string' ? said : '' });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(locale, child, path ? `${path}.${key}` : key, into);
  }
  return into;
}

/** The catalogue as read in `locale` (each test file has its own global object: no restoring needed beyond 简体). */
function read(locale: MessageLocale, catalogue: object) {
  setMessageLocaleSource(() => locale);
  try {
    return leaves(locale, catalogue);
  } finally {
    setMessageLocaleSource(() => 'zh-CN');
  }
}

describe.each(Object.entries(catalogues))('server catalogue %s', (_name, catalogue) => {
  const source = read('zh-CN', catalogue);

  it('has something in 简体', () => {
    expect(source.size).toBeGreaterThan(0);
  });

  it.each(['zh-Hant', 'en'] as const)('%s has every key of 简体, with the same placeholders, and no other', (locale) => {
    const translated = read(locale, catalogue);
    expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [path, { shape }] of source) expect(`${path}: ${translated.get(path)?.shape}`).toBe(`${path}: ${shape}`);
  });

  it('English has no Chinese left in it', () => {
    for (const [path, { text }] of read('en', catalogue)) expect(`${path}: ${/[\u4e00-\u9fff]/.test(text) ? text : 'ok'}`).toBe(`${path}: ok`);
  });
});
