import { ALERT_LEVELS, alertLevelLabels, mostSevereAlert } from '../../../miniprogram/domain/alert-levels';
import { articleExcerpt, articleToMarkup, isSafeImageUrl, parseArticleMarkup } from '../../../miniprogram/domain/article-blocks';
import {
  findPhrase,
  localLanguages,
  normalizeForSearch,
  PHRASE_CATEGORIES,
  PHRASES,
  searchPhrases,
} from '../../../miniprogram/domain/phrasebook';

describe('phrasebook data', () => {
  it('has at least 30 phrases, every category, unique ids, Chinese, English and French for each', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PHRASES.map((p) => p.id)).size).toBe(PHRASES.length);
    for (const category of PHRASE_CATEGORIES) expect(PHRASES.filter((p) => p.category === category).length).toBeGreaterThanOrEqual(4);
    for (const phrase of PHRASES) {
      expect(phrase.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(phrase.translations.en.trim()).not.toBe('');
      expect(phrase.translations.fr.trim()).not.toBe('');
    }
  });

  it('knows the local languages of the missions’ countries', () => {
    expect(localLanguages('US')).toEqual(['en']);
    expect(localLanguages('gb')).toEqual(['en']);
    expect(localLanguages('CA')).toEqual(['en', 'fr']);
    expect(localLanguages(null)).toEqual(['en']);
  });

  it('marks the phrases the page completes with the mission’s address or phone', () => {
    expect(findPhrase('take-me-to-mission')?.slot).toBe('missionAddress');
    expect(findPhrase('call-mission')?.slot).toBe('missionPhone');
    expect(findPhrase('nope')).toBeNull();
  });
});

describe('phrasebook search', () => {
  const ids = (query: string, options?: Parameters<typeof searchPhrases>[1]) => searchPhrases(query, options).map((p) => p.id);

  it('finds Chinese words, also in another word order, and keywords', () => {
    expect(ids('护照')[0]).toBe('passport-lost');
    expect(ids('护照')).toEqual(expect.arrayContaining(['passport-stolen', 'passport-police-report']));
    expect(ids('丢护照')).toContain('passport-lost');
    expect(ids('车祸')).toEqual(['traffic-accident']);
    expect(ids('12308')).toEqual(['hotline-12308']);
  });

  it('finds English and French ignoring case and accents, in the languages shown', () => {
    expect(ids('PASSPORT')).toContain('passport-lost');
    expect(ids('hopital')).toEqual(expect.arrayContaining(['take-me-to-hospital']));
    expect(ids('pharmacie')).toEqual(['nearest-pharmacy']);
    expect(ids('pharmacie', { languages: ['en'] })).toEqual([]);
    expect(ids('ambul')).toEqual(['call-ambulance']);
  });

  it('needs every word, filters by category, and lists everything for an empty query', () => {
    expect(ids('police report')).toEqual(['passport-police-report']);
    expect(ids('', { category: 'hospital' })).toEqual(PHRASES.filter((p) => p.category === 'hospital').map((p) => p.id));
    expect(ids('  ')).toHaveLength(PHRASES.length);
    expect(ids('护照', { category: 'transport' })).toEqual([]);
    expect(ids('xyzzy')).toEqual([]);
  });

  it('normalizes full-width input and punctuation', () => {
    expect(normalizeForSearch('Ｈôpital！')).toBe('hopital');
  });
});

describe('alert levels', () => {
  it('has the three levels with their Chinese names and picks the most severe active alert', () => {
    expect(ALERT_LEVELS.map((level) => alertLevelLabels[level])).toEqual(['注意安全', '谨慎前往', '暂勿前往']);
    const alerts = [
      { id: 'a', level: 'caution' as const, effectiveFrom: '2025-01-01T00:00:00Z' },
      { id: 'b', level: 'do_not_travel' as const, effectiveFrom: '2024-01-01T00:00:00Z' },
      { id: 'c', level: 'do_not_travel' as const, effectiveFrom: '2025-02-01T00:00:00Z' },
    ];
    expect(mostSevereAlert(alerts)?.id).toBe('c');
    expect(mostSevereAlert([])).toBeNull();
  });
});

describe('article markup', () => {
  const markup = '# 重要通知\n请携带**护照原件**办理。\n第二行。\n\n- 周一\n- 周三\n1. 取号\n2. 排队\n\n![大厅](https://example.org/hall.jpg)';

  it('parses headings, paragraphs with bold, lists and https images, and round-trips', () => {
    const blocks = parseArticleMarkup(markup);
    expect(blocks).toEqual([
      { type: 'heading', text: '重要通知' },
      { type: 'paragraph', spans: [{ text: '请携带' }, { text: '护照原件', bold: true }, { text: '办理。\n第二行。' }] },
      { type: 'list', ordered: false, items: [[{ text: '周一' }], [{ text: '周三' }]] },
      { type: 'list', ordered: true, items: [[{ text: '取号' }], [{ text: '排队' }]] },
      { type: 'image', url: 'https://example.org/hall.jpg', alt: '大厅' },
    ]);
    expect(parseArticleMarkup(articleToMarkup(blocks))).toEqual(blocks);
    expect(articleExcerpt(blocks, 12)).toBe('重要通知 请携带护照原…');
  });

  it('keeps an unpaired ** and an unsafe image as plain text', () => {
    expect(parseArticleMarkup('a ** b')).toEqual([{ type: 'paragraph', spans: [{ text: 'a ** b' }] }]);
    expect(parseArticleMarkup('![x](javascript:alert(1))')[0].type).toBe('paragraph');
    expect(isSafeImageUrl('https://cdn.example.org/a.png?w=1')).toBe(true);
    expect(isSafeImageUrl('https://user:pw@example.org/a.png')).toBe(false);
    expect(isSafeImageUrl('http://example.org/a.png')).toBe(false);
  });
});
