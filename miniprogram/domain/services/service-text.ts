import { commonFieldTexts, type CommonFieldText } from './common-fields-text';
import type { FieldOption, ServiceDefinition, ServiceMessages } from './definition-types';

/**
 * Wording out of structure (as hmpo-form-wizard keeps `fields` apart from its locales): a
 * text map holds everything a citizen reads for one service in one language — title, step
 * titles and intros, field labels/hints/placeholders/option labels, document and fee names,
 * refusals, the service's own messages, status names and hints, action names. The
 * structure (steps, fields, conditions, rules) holds none of it, or only a default that a
 * map overlays; `localizeService` puts the two together. The fields and documents several
 * services share (common-fields.ts) are worded once per language in common-fields-text.ts.
 */
export interface OptionText {
  label: string;
  hint?: string;
}

export interface ServiceText {
  title: string;
  steps?: Readonly<Record<string, { title?: string; intro?: string; declaration?: { title: string; text: string } }>>;
  fields?: Readonly<Record<string, { label?: string; hint?: string; placeholder?: string; options?: Readonly<Record<string, string | OptionText>> }>>;
  documents?: Readonly<Record<string, { label?: string; hint?: string }>>;
  fees?: Readonly<Record<string, string>>;
  /** Refusal messages, keyed `<stepId>.<field>`. */
  refusals?: Readonly<Record<string, string>>;
  messages?: ServiceMessages;
  statusLabels?: Readonly<Record<string, string>>;
  statusHints?: Readonly<Record<string, string>>;
  actionLabels?: Readonly<Record<string, string>>;
}

/** Text maps of one service by locale ('zh-CN', 'en', …). */
export type ServiceTexts = Readonly<Record<string, ServiceText>>;

/** The locale a service's definition is written in (its zh-CN text map). */
export const DEFAULT_LOCALE = 'zh-CN';

/** Wording keys a structure may leave out: the text map supplies them. */
type Wording = 'label' | 'title' | 'hint' | 'intro' | 'placeholder' | 'message' | 'declaration';

/** A value with its wording keys made optional, all the way down. */
export type Unworded<T> = T extends readonly (infer U)[]
  ? readonly Unworded<U>[]
  : T extends object
    ? { [K in keyof T as K extends Wording ? never : K]: Unworded<T[K]> } & { [K in keyof T as K extends Wording ? K : never]?: T[K] }
    : T;

/** A service definition without its words (a pension.ts-style structure). */
export type ServiceStructure = Unworded<ServiceDefinition>;

export class MissingServiceText extends Error {}

function need(value: string | undefined, where: string): string {
  if (value === undefined || value === '') throw new MissingServiceText(`service text missing: ${where}`);
  return value;
}

/**
 * The definition in one language: the structure (or a worded definition) overlaid with the
 * text map. A field or document the map does not word takes the shared words of that
 * language (common-fields-text.ts), as a whole entry, so a service that words a shared id
 * itself never mixes in another service's options. Every label and title must come from
 * one of them — a gap throws, so a service missing a word in any locale is never built.
 */
export function localizeService(structure: ServiceStructure | ServiceDefinition, text: Partial<ServiceText>, locale: string = DEFAULT_LOCALE): ServiceDefinition {
  const s = structure as ServiceStructure;
  const id = s.id;
  const word = (value: string | undefined, where: string) => need(value, `${id}.${where} (${locale})`);
  const shared: Partial<CommonFieldText> = (commonFieldTexts as Readonly<Record<string, CommonFieldText>>)[locale] ?? {};
  const fields = Object.fromEntries(
    Object.entries(s.fields).map(([fieldId, field]) => {
      const t = text.fields?.[fieldId] ?? shared.fields?.[fieldId];
      const options = field.options?.map((option): FieldOption => {
        const own = t?.options?.[option.value];
        const ownText: OptionText | undefined = typeof own === 'string' ? { label: own } : own;
        const hint = ownText?.hint ?? option.hint;
        return {
          ...option,
          label: word(ownText?.label ?? option.label, `fields.${fieldId}.options.${option.value}`),
          ...(hint ? { hint } : {}),
        };
      });
      const hint = t?.hint ?? field.hint;
      const placeholder = t?.placeholder ?? field.placeholder;
      return [
        fieldId,
        {
          ...field,
          label: word(t?.label ?? field.label, `fields.${fieldId}.label`),
          ...(hint ? { hint } : {}),
          ...(placeholder ? { placeholder } : {}),
          ...(options ? { options } : {}),
        },
      ];
    }),
  );
  const steps = s.steps.map((step) => {
    const t = text.steps?.[step.id];
    const intro = t?.intro ?? step.intro;
    const declaration = t?.declaration ?? step.declaration;
    return {
      ...step,
      title: word(t?.title ?? step.title, `steps.${step.id}.title`),
      ...(intro ? { intro } : {}),
      ...(declaration ? { declaration } : {}),
      ...(step.refusals
        ? {
            refusals: step.refusals.map((refusal) => ({
              ...refusal,
              message: word(text.refusals?.[`${step.id}.${refusal.field}`] ?? refusal.message, `refusals.${step.id}.${refusal.field}`),
            })),
          }
        : {}),
    };
  });
  const documents = s.documents.map((doc) => {
    const t = text.documents?.[doc.id] ?? shared.documents?.[doc.id];
    const hint = t?.hint ?? doc.hint;
    return { ...doc, label: word(t?.label ?? doc.label, `documents.${doc.id}.label`), ...(hint ? { hint } : {}) };
  });
  const fees = s.fees.map((fee) => ({ ...fee, label: word(text.fees?.[fee.code] ?? fee.label, `fees.${fee.code}`) }));
  const merged = <T extends object>(a: T | undefined, b: T | undefined): T | undefined => (a || b ? { ...(a ?? {}), ...(b ?? {}) } as T : undefined);
  const messages = merged(s.messages, text.messages);
  const statusLabels = merged(s.statusLabels, text.statusLabels);
  const statusHints = merged(s.statusHints, text.statusHints);
  const actionLabels = merged(s.actionLabels, text.actionLabels);
  return {
    ...(s as unknown as ServiceDefinition),
    title: word(text.title ?? s.title, 'title'),
    fields,
    steps,
    documents,
    fees,
    ...(messages ? { messages } : {}),
    ...(statusLabels ? { statusLabels } : {}),
    ...(statusHints ? { statusHints } : {}),
    ...(actionLabels ? { actionLabels } : {}),
  } as ServiceDefinition;
}
