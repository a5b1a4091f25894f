/**
 * Article bodies (news, guides) as structured blocks, never HTML: the mini-program renders
 * each block with its own WXML, so nothing staff type can inject markup or script. Staff
 * write a tiny markup in the console (parseArticleMarkup) and see it round-trip
 * (articleToMarkup):
 *
 *   # Heading
 *   A paragraph with **bold** text; lines without a blank line between stay one paragraph.
 *   - bullet item
 *   1. numbered item
 *   ![image description](https://example.org/picture.jpg)
 */
export interface TextSpan {
  text: string;
  bold?: boolean;
}

export type ArticleBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; spans: TextSpan[] }
  | { type: 'list'; ordered: boolean; items: TextSpan[][] }
  | { type: 'image'; url: string; alt: string };

/** Images by https URL only, without credentials; the mini-program also needs the host whitelisted. */
export function isSafeImageUrl(url: string): boolean {
  if (url.length > 2000 || !/^https:\/\/[^\s/?#@]+(\/[^\s]*)?$/i.test(url)) return false;
  return !/[<>"'`\\]/.test(url);
}

/** `**bold**` spans; an unpaired `**` stays as typed. */
export function parseSpans(text: string): TextSpan[] {
  const parts = text.split('**');
  if (parts.length % 2 === 0) {
    // Odd number of markers: the last one has no partner, so glue it back on.
    const last = parts.pop()!;
    parts[parts.length - 1] += `**${last}`;
  }
  const spans: TextSpan[] = [];
  parts.forEach((part, index) => {
    if (!part) return;
    spans.push(index % 2 === 1 ? { text: part, bold: true } : { text: part });
  });
  return spans;
}

const HEADING = /^#{1,3}\s+(.*)$/;
const BULLET = /^[-*•]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.、)]\s*(.*)$/;
const IMAGE = /^!\[([^\]]*)\]\((\S+)\)$/;

export function parseArticleMarkup(markup: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: TextSpan[][] } | null = null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', spans: parseSpans(paragraph.join('\n')) });
    if (list) blocks.push({ type: 'list', ...list });
    paragraph = [];
    list = null;
  };

  for (const rawLine of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (!line) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const image = IMAGE.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', text: heading[1].trim() });
    } else if (image && isSafeImageUrl(image[2])) {
      flush();
      blocks.push({ type: 'image', url: image[2], alt: image[1].trim() });
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      const current = list as { ordered: boolean; items: TextSpan[][] } | null;
      if (!current || current.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list!.items.push(parseSpans((bullet ?? numbered)![1]));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks.filter((block) => !(block.type === 'paragraph' && block.spans.length === 0));
}

function spansToMarkup(spans: TextSpan[]): string {
  return spans.map((span) => (span.bold ? `**${span.text}**` : span.text)).join('');
}

/** The markup that parses back to these blocks, for editing a saved article. */
export function articleToMarkup(blocks: ArticleBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return `# ${block.text}`;
        case 'paragraph':
          return spansToMarkup(block.spans);
        case 'list':
          return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${spansToMarkup(item)}`).join('\n');
        case 'image':
          return `![${block.alt}](${block.url})`;
      }
    })
    .join('\n\n');
}

/** Plain text of an article, for list excerpts and search. */
export function articlePlainText(blocks: ArticleBlock[]): string {
  const text = (spans: TextSpan[]) => spans.map((span) => span.text).join('');
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return block.text;
        case 'paragraph':
          return text(block.spans);
        case 'list':
          return block.items.map(text).join('；');
        case 'image':
          return '';
      }
    })
    .filter(Boolean)
    .join('\n');
}

export function articleExcerpt(blocks: ArticleBlock[], maxLength = 80): string {
  const plain = articlePlainText(blocks).replace(/\s+/g, ' ').trim();
  return plain.length <= maxLength ? plain : `${plain.slice(0, maxLength - 1)}…`;
}

export function firstImageUrl(blocks: ArticleBlock[]): string | null {
  for (const block of blocks) if (block.type === 'image') return block.url;
  return null;
}
