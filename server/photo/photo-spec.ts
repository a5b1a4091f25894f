/**
 * Where the head must sit in an ID photo, as shares of the (3:4) frame, per mission.
 *
 * The missions publish different ranges (head width 21–24 mm of 33 mm on current mission
 * pages, 15–22 mm in an older MFA overseas spec), so the ranges are configuration: each
 * mission may override any of them in `missions.photo_spec` (jsonb, migration 0011); what it
 * leaves out comes from `DEFAULT_PHOTO_FRAME_SPEC`. docs/photo-check.md explains every number.
 */
import { z } from 'zod';
import { DEFAULT_PHOTO_FRAME_SPEC, type PhotoFrameSpec } from '../../miniprogram/domain/services/photo-frame';

// The ranges and their default live with the mini-program's domain code, whose camera guide
// draws the same proportions.
export { DEFAULT_PHOTO_FRAME_SPEC, rangeCentre, type PhotoFrameSpec, type Range } from '../../miniprogram/domain/services/photo-frame';

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
