/**
 * Where the head must sit in an ID photo, as shares of the 3:4 frame: the default of the
 * server's check (server/photo/photo-spec.ts, which lets each mission override it) and the
 * mini-program camera's head guide, from the same numbers. Pure TypeScript, no wx.
 */

/** [min, max] as a share (0–1) of the frame's height (vertical) or width (horizontal). */
export type Range = readonly [number, number];

export interface PhotoFrameSpec {
  /** Chin to crown (top of the hair), share of the height. 28–33 mm of 48 mm. */
  headHeight: Range;
  /**
   * Face width between the outline points in front of the ears (FaceMesh 234/454), share of
   * the width. Ears and hair are not included.
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

export const rangeCentre = (r: Range): number => (r[0] + r[1]) / 2;

/**
 * The head outline a camera guide draws inside a 3:4 frame, as shares of it: crown at the
 * middle of the "space above" range, chin at the middle of the head-height range below it,
 * face width at the middle of its range, centred — the place the server's spec crop puts it.
 */
export function headGuide(spec: PhotoFrameSpec = DEFAULT_PHOTO_FRAME_SPEC): { top: number; height: number; width: number; eyeLine: number } {
  return {
    top: rangeCentre(spec.spaceAboveHead),
    height: rangeCentre(spec.headHeight),
    width: rangeCentre(spec.headWidth),
    eyeLine: rangeCentre(spec.eyeLine),
  };
}
