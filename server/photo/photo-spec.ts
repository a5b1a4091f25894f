/**
 * Where the head must sit in an ID photo, as shares of the (3:4) frame, per mission.
 *
 * The missions publish different ranges (head width 21–24 mm of 33 mm on current mission
 * pages, 15–22 mm in an older MFA overseas spec), so the ranges are configuration: each
 * mission may override any of them in `missions.photo_spec` (jsonb, migration 0011); what it
 * leaves out comes from `DEFAULT_PHOTO_FRAME_SPEC`. docs/photo-check.md explains every number.
 */
import { z } from 'zod';

/** [min, max] as a share (0–1) of the frame's height (vertical) or width (horizontal). */
export type Range = readonly [number, number];

export interface PhotoFrameSpec {
  /** Chin to crown (top of the hair), share of the height. 28–33 mm of 48 mm. */
  headHeight: Range;
  /**
   * Face width between the outline points in front of the ears (FaceMesh 234/454), share of
   * the width. Ears and hair are not included, so it reads ~2 mm less than a ruler across the ears.
   */
  headWidth: Range;
  /** Frame top to crown, share of the height. 3–5 mm of 48 mm, ±1 mm for measuring. */
  spaceAboveHead: Range;
  /** Chin to frame bottom, share of the height: at least 7 mm of 48 mm, −1 mm for measuring. */
  minSpaceBelowChin: number;
  /** Frame top to the line between the eye centres, share of the height. */
  eyeLine: Range;
  /** |face centre − frame centre|, share of the width. */
  maxCentreOffset: number;
  /** Degrees: turned left/right, chin up/down, head tilted sideways. */
  maxYaw: number;
  maxPitch: number;
  maxRoll: number;
}

const mm = (n: number): number => Math.round((n / 48) * 1000) / 1000;

export const DEFAULT_PHOTO_FRAME_SPEC: Readonly<PhotoFrameSpec> = Object.freeze({
  headHeight: [mm(28), mm(33)] as const,
  // 15–22 mm of 33 mm (the older MFA overseas spec), which measures what we measure: the face.
  // Missions publishing 21–24 mm (64–73 %) measure across hair and ears: they configure theirs.
  headWidth: [0.45, 0.67] as const,
  spaceAboveHead: [mm(2), mm(6)] as const,
  minSpaceBelowChin: mm(6),
  eyeLine: [0.3, 0.5] as const,
  maxCentreOffset: 0.05,
  maxYaw: 15,
  maxPitch: 15,
  maxRoll: 10,
});

const share = z.number().min(0).max(1);
const range = z.tuple([share, share]).refine(([a, b]) => a <= b, 'min must not exceed max');
const degrees = z.number().min(0).max(90);

/** A mission's overrides as stored in `missions.photo_spec`; unknown keys are refused. */
export const photoFrameSpecOverrides = z
  .object({
    headHeight: range,
    headWidth: range,
    spaceAboveHead: range,
    minSpaceBelowChin: share,
    eyeLine: range,
    maxCentreOffset: share,
    maxYaw: degrees,
    maxPitch: degrees,
    maxRoll: degrees,
  })
  .partial()
  .strict();

export type PhotoFrameSpecOverrides = z.infer<typeof photoFrameSpecOverrides>;

/**
 * The effective spec for a mission's stored overrides (null: the default). A malformed stored
 * value is a configuration error, not the citizen's: it throws, loudly, rather than check
 * photos against something no one meant.
 */
export function photoFrameSpecFor(stored: unknown): PhotoFrameSpec {
  if (stored === null || stored === undefined) return DEFAULT_PHOTO_FRAME_SPEC;
  const overrides = photoFrameSpecOverrides.parse(typeof stored === 'string' ? JSON.parse(stored) : stored);
  return { ...DEFAULT_PHOTO_FRAME_SPEC, ...overrides };
}
