import { z } from 'zod';
import { ALERT_LEVELS, AlertLevel } from '../../miniprogram/domain/alert-levels';
import type { ArticleBlock, TextSpan } from '../../miniprogram/domain/article-blocks';
import { isSafeImageUrl } from '../../miniprogram/domain/article-blocks';
import { GUIDE_SECTIONS, GuideSection } from '../../miniprogram/domain/destination-guides';
import type { DestinationGuide, NewsArticle, NewsList, TravelAlert } from '../../miniprogram/domain/info-api-types';
import type { StaffNewsArticle } from '../../contracts/info';
import { infoMessages } from '../../miniprogram/domain/info-messages';
import { missionSchema } from '../http/schemas';

/** Control characters other than line breaks have no place in an article. */
const cleanText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((text) => text.replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200E\u200F\u202A-\u202E]/g, ''));

/** Request text is cleaned; response text is plain (transforms have no JSON Schema for OpenAPI). */
const plainText = (max: number) => z.string().max(max);

function blockSchemas(text: typeof cleanText | typeof plainText) {
  const span = z.object({ text: text(5000), bold: z.boolean().optional() }) satisfies z.ZodType<TextSpan>;
  const spans = z.array(span).min(1).max(200);
  const block = z.discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), text: text(200) }),
    z.object({ type: z.literal('paragraph'), spans }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(spans).min(1).max(100) }),
    z.object({
      type: z.literal('image'),
      url: z.string().max(2000).refine(isSafeImageUrl, { message: infoMessages.articleImageUrl }),
      alt: text(200),
    }),
  ]) satisfies z.ZodType<ArticleBlock>;
  return z.array(block).max(300);
}

/** Article bodies as staff send them. */
export const blocksInputSchema = blockSchemas(cleanText);
/** Article bodies as the API returns them. */
export const blocksSchema = blockSchemas(plainText);

export const newsArticleSchema = z.object({
  id: z.string(),
  missionId: z.string(),
  title: z.string(),
  body: blocksSchema,
  pinned: z.boolean(),
  publishedAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<NewsArticle>;

export const newsListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      missionId: z.string(),
      title: z.string(),
      excerpt: z.string(),
      coverImageUrl: z.string().nullable(),
      pinned: z.boolean(),
      publishedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<NewsList>;

export const staffNewsArticleSchema = z.object({
  id: z.string(),
  missionId: z.string(),
  title: z.string(),
  body: blocksSchema,
  pinned: z.boolean(),
  status: z.enum(['draft', 'scheduled', 'published']),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<StaffNewsArticle>;

export const alertLevelSchema = z.enum(ALERT_LEVELS as unknown as [AlertLevel, ...AlertLevel[]]);

export const travelAlertSchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  level: alertLevelSchema,
  levelZh: z.string(),
  title: z.string(),
  body: z.string(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
}) satisfies z.ZodType<TravelAlert>;

export const staffTravelAlertSchema = travelAlertSchema.extend({
  status: z.enum(['scheduled', 'active', 'ended']),
  missionId: z.string(),
  createdAt: z.string(),
  /** Targeted at a region / city of the country (null: the whole country). */
  region: z.string().nullable(),
  city: z.string().nullable(),
});

const sections = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(GUIDE_SECTIONS.map((section) => [section, schema])) as Record<GuideSection, T>);

export const emergencyNumberSchema = z.object({
  labelZh: z.string().min(1).max(100),
  number: z.string().regex(/^\+?[0-9][0-9 \-]{1,24}$/),
});

export const destinationGuideSchema = z.object({
  countryCode: z.string(),
  countryZh: z.string(),
  sections: sections(blocksSchema),
  emergencyNumbers: z.array(emergencyNumberSchema),
  missions: z.array(missionSchema),
  updatedAt: z.string().nullable(),
}) satisfies z.ZodType<DestinationGuide>;

export const saveGuideSchema = z.object({
  sections: sections(blocksInputSchema).partial(),
  emergencyNumbers: z.array(emergencyNumberSchema).max(30),
});

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((code) => code.toUpperCase());

/** ISO 8601 with an offset or Z, e.g. 2026-05-01T09:00:00+08:00. */
export const timestampSchema = z.iso.datetime({ offset: true });
