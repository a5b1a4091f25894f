import { en as mainEn } from '../../miniprogram/locale/en';
import { localeOfWeChatLanguage } from '../../miniprogram/locale/language';
import { zhCN as mainZhCN } from '../../miniprogram/locale/zh-CN';
import { zhHant as mainZhHant } from '../../miniprogram/locale/zh-Hant';
import { en as applyEn } from '../../miniprogram/packages/apply/text-en';
import { zhHant as applyZhHant } from '../../miniprogram/packages/apply/text-zh-Hant';
import { en as identityEn } from '../../miniprogram/packages/identity/text-en';
import { zhHant as identityZhHant } from '../../miniprogram/packages/identity/text-zh-Hant';
import { en as missionEn } from '../../miniprogram/packages/mission/text-en';
import { zhHant as missionZhHant } from '../../miniprogram/packages/mission/text-zh-Hant';
import { en as ordersEn } from '../../miniprogram/packages/orders/text-en';
import { zhHant as ordersZhHant } from '../../miniprogram/packages/orders/text-zh-Hant';
import { APPLICATION_TILES } from '../../miniprogram/domain/services/service-tiles';
import { applicationServiceIds, findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { chooseLocale } from '../../miniprogram/locale/language';
import { t as applyT } from '../../miniprogram/packages/apply/text';
import { t as identityT } from '../../miniprogram/packages/identity/text';
import { t as missionT } from '../../miniprogram/packages/mission/text';
import { t as ordersT } from '../../miniprogram/packages/orders/text';

import { en as payEn } from '../../miniprogram/packages/pay/text-en';
import { zhHant as payZhHant } from '../../miniprogram/packages/pay/text-zh-Hant';
import { text as payText } from '../../miniprogram/packages/pay/text';
import { en as pensionEn } from '../../miniprogram/packages/pension/text-en';
import { zhHant as pensionZhHant } from '../../miniprogram/packages/pension/text-zh-Hant';
import { text as pensionText } from '../../miniprogram/packages/pension/text';
import { en as legalizationEn } from '../../miniprogram/packages/legalization/text-en';
import { zhHant as legalizationZhHant } from '../../miniprogram/packages/legalization/text-zh-Hant';
import { text as legalizationText } from '../../miniprogram/packages/legalization/text';

import { en as documentsEn } from '../../miniprogram/packages/documents/text-en';
import { zhHant as documentsZhHant } from '../../miniprogram/packages/documents/text-zh-Hant';
import { text as documentsText } from '../../miniprogram/packages/documents/text';
import { en as infoEn } from '../../miniprogram/packages/info/text-en';
import { zhHant as infoZhHant } from '../../miniprogram/packages/info/text-zh-Hant';
import { text as infoText } from '../../miniprogram/packages/info/text';
import { en as appointmentEn } from '../../miniprogram/packages/appointment/text-en';
import { zhHant as appointmentZhHant } from '../../miniprogram/packages/appointment/text-zh-Hant';
import { text as appointmentText } from '../../miniprogram/packages/appointment/text';

import { feeView } from '../../miniprogram/packages/apply/form-model';
import { type ApplicationFee, FEE_OPTION_LABELS } from '../../miniprogram/domain/services/payment-api-types';

import { en as interviewEn } from '../../miniprogram/packages/interview/text-en';
import { zhHant as interviewZhHant } from '../../miniprogram/packages/interview/text-zh-Hant';
import { text as interviewText } from '../../miniprogram/packages/interview/text';
import { en as registrationEn } from '../../miniprogram/packages/registration/text-en';
import { zhHant as registrationZhHant } from '../../miniprogram/packages/registration/text-zh-Hant';
import { text as registrationText } from '../../miniprogram/packages/registration/text';
import { registrationMessageCatalogues } from '../../miniprogram/domain/registration-messages';
import { missionCalendarCatalogues } from '../../miniprogram/domain/mission-calendar';

/** Every leaf of a catalogue: path → its placeholders ({x}), sorted. */
function leaves(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') {
    into.set(path, [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(','));
    if (value.trim() === '') into.set(`${path} (empty)`, '');
  } else if (typeof value === 'function') {
    into.set(path, `function/${(value as () => unknown).length}`);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, into);
  }
  return into;
}

const catalogues = {
  main: { 'zh-CN': mainZhCN, 'zh-Hant': mainZhHant, en: mainEn },
  // A subpackage's zh-CN is what its `t` reads in zh-CN, less the main sections.
  apply: { 'zh-CN': { apply: (chooseLocale('zh-CN'), applyT.apply) }, 'zh-Hant': applyZhHant, en: applyEn },
  identity: { 'zh-CN': { identity: identityT.identity, blocking: identityT.blocking }, 'zh-Hant': identityZhHant, en: identityEn },
  mission: { 'zh-CN': { mission: missionT.mission }, 'zh-Hant': missionZhHant, en: missionEn },
  orders: { 'zh-CN': { order: ordersT.order }, 'zh-Hant': ordersZhHant, en: ordersEn },
  documents: { 'zh-CN': (chooseLocale('zh-CN'), { ...documentsText }), 'zh-Hant': documentsZhHant, en: documentsEn },
  pay: { 'zh-CN': (chooseLocale('zh-CN'), { ...payText }), 'zh-Hant': payZhHant, en: payEn },
  pension: { 'zh-CN': (chooseLocale('zh-CN'), { ...pensionText }), 'zh-Hant': pensionZhHant, en: pensionEn },
  legalization: { 'zh-CN': (chooseLocale('zh-CN'), { ...legalizationText }), 'zh-Hant': legalizationZhHant, en: legalizationEn },
  info: { 'zh-CN': (chooseLocale('zh-CN'), { ...infoText }), 'zh-Hant': infoZhHant, en: infoEn },
  appointment: { 'zh-CN': (chooseLocale('zh-CN'), { ...appointmentText }), 'zh-Hant': appointmentZhHant, en: appointmentEn },
  interview: { 'zh-CN': (chooseLocale('zh-CN'), { ...interviewText }), 'zh-Hant': interviewZhHant, en: interviewEn },
  registration: { 'zh-CN': (chooseLocale('zh-CN'), { ...registrationText }), 'zh-Hant': registrationZhHant, en: registrationEn },
  missionCalendar: missionCalendarCatalogues,
  // Shared with the server: field messages, privacy statement, 致登记人.
  registrationMessages: registrationMessageCatalogues,
};

describe('locale catalogues', () => {
  describe.each(Object.entries(catalogues))('%s', (_name, byLocale) => {
    const source = leaves(byLocale['zh-CN']);
    it.each(['zh-Hant', 'en'] as const)('%s has every key of zh-CN, with the same placeholders, and no other', (locale) => {
      const translated = leaves(byLocale[locale]);
      expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [path, placeholders] of source) expect(`${path}: ${translated.get(path)}`).toBe(`${path}: ${placeholders}`);
    });
    it('English has no Chinese left in it, 繁體 no 简体-only sentence copied over', () => {
      for (const [path] of leaves(byLocale.en)) {
        const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], byLocale.en);
        if (typeof value === 'string') expect(`${path}: ${/[\u4e00-\u9fff]/.test(value) ? value : 'ok'}`).toBe(`${path}: ok`);
      }
    });
  });

  it('the fee note on the review step names the processing option in the language, English all English', () => {
    const fee: ApplicationFee = {
      applicationId: 'a', method: 'online', fixed: false, amountFen: 15000, currency: 'USD', option: 'express', items: [], refundable: false,
      refundNote: 'Fees paid for an Emergency Travel Document are not refunded',
    };
    chooseLocale('en');
    try {
      expect(FEE_OPTION_LABELS.express).toBe('express');
      const note = feeView(fee).note;
      expect(note).toContain('Priced for express processing');
      expect(note).toMatch(/are not refunded\.$/);
      expect(note).not.toMatch(/[\u4e00-\u9fff]/);
      chooseLocale('zh-Hant');
      expect(feeView({ ...fee, refundNote: '應急旅行證已繳費用不予退還' }).note).toMatch(/^按加急辦理.*不予退還。$/);
    } finally {
      chooseLocale('zh-CN');
    }
    expect(feeView({ ...fee, refundNote: null }).note).toMatch(/^按加急办理/);
  });

  it('service tiles are named in every locale', () => {
    for (const tile of APPLICATION_TILES) {
      expect(tile.titles['zh-Hant']).toBeTruthy();
      expect(tile.titles.en).toBeTruthy();
    }
  });

  it('every application service renders in 繁體中文 with its tile name as title', () => {
    for (const id of applicationServiceIds()) {
      const service = findApplicationService(id, 'zh-Hant')!;
      expect(service.title).toBe(APPLICATION_TILES.find((tile) => tile.service === id)!.titles['zh-Hant']);
      expect(service.steps.map((s) => s.title)).not.toContain(undefined);
    }
  });

  /** Every word a definition shows: titles, intros, labels, hints, options, documents, fees, service messages. */
  function serviceWords(id: string, locale: string): Map<string, string> {
    const d = findApplicationService(id, locale)!;
    const words = new Map<string, string>([['title', d.title]]);
    for (const step of d.steps) {
      words.set(`steps.${step.id}.title`, step.title);
      if (step.intro) words.set(`steps.${step.id}.intro`, step.intro);
      if (step.declaration) words.set(`steps.${step.id}.declaration`, step.declaration.text);
      for (const r of step.refusals ?? []) words.set(`refusals.${step.id}.${r.field}`, r.message);
    }
    for (const [fieldId, field] of Object.entries(d.fields)) {
      words.set(`fields.${fieldId}.label`, field.label);
      if (field.hint) words.set(`fields.${fieldId}.hint`, field.hint);
      for (const option of field.options ?? []) {
        words.set(`fields.${fieldId}.options.${option.value}`, option.label);
        if (option.hint) words.set(`fields.${fieldId}.options.${option.value}.hint`, option.hint);
      }
    }
    for (const doc of d.documents) words.set(`documents.${doc.id}`, [doc.label, doc.hint ?? ''].join(' '));
    for (const fee of d.fees) words.set(`fees.${fee.code}`, fee.label);
    for (const group of ['messages', 'statusLabels', 'statusHints', 'actionLabels'] as const) {
      for (const [key, value] of Object.entries(d[group] ?? {})) if (value) words.set(`${group}.${key}`, value);
    }
    return words;
  }

  it.each(applicationServiceIds())('service %s: every word in 繁體 and English, the same placeholders, English without Chinese', (id) => {
    const source = serviceWords(id, 'zh-CN');
    for (const locale of ['zh-Hant', 'en']) {
      const words = serviceWords(id, locale);
      expect([...words.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [path, zh] of source) {
        const translated = words.get(path)!;
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
        expect(`${path}: ${holes(translated)}`).toBe(`${path}: ${holes(zh)}`);
        if (locale === 'en') expect(`${path}: ${/[\u4e00-\u9fff]/.test(translated) ? translated : 'ok'}`).toBe(`${path}: ok`);
        // 繁體 differs from 简体 wherever the sentence has a character the two write differently.
        if (locale === 'zh-Hant' && /[们这个说为发书证护国简体]/.test(zh)) expect(translated).not.toBe(zh);
      }
    }
  });

  it.each([
    ['zh_CN', 'zh-CN'],
    ['zh_TW', 'zh-Hant'],
    ['zh_HK', 'zh-Hant'],
    ['en', 'en'],
    ['en_US', 'en'],
    ['fr', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('the phone language %s → %s', (wechat, locale) => {
    expect(localeOfWeChatLanguage(wechat)).toBe(locale);
  });
});
