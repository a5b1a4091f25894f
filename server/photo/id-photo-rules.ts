/** Every tunable of the ID photo check (`id-photo.ts`), and the defaults. */
import { DEFAULT_GATE_RULES } from './image-gate';
import { DEFAULT_PHOTO_FRAME_SPEC, type PhotoFrameSpec } from './photo-spec';

/** Every tunable of the ID photo check, in one object. Brightness values are 0–255 grey levels. */
export interface PhotoRules {
  /** Upload size limit in bytes (checked before decoding). */
  maxBytes: number;
  /** Refuse images whose header declares more pixels than this (decompression bombs). */
  maxInputPixels: number;
  minWidth: number;
  minHeight: number;
  /** Output spec: larger photos of the right ratio are resized into it (advice RESIZED). */
  maxWidth: number;
  maxHeight: number;
  /** width / height, 3:4. */
  aspectRatio: number;
  /** Relative tolerance on the ratio; within it the output is centre-cropped to the exact ratio. */
  aspectTolerance: number;
  /** Quality of the normalized JPEG. */
  jpegQuality: number;
  /** Metrics are computed on a greyscale copy at most this big (fixed scale → stable thresholds). */
  analysisWidth: number;
  analysisHeight: number;
  /** Background (top strip + upper side strips) mean brightness below which it is "too dark". */
  backgroundDarkError: number;
  backgroundDarkAdvice: number;
  /** Background standard deviation above which it is "not uniform". */
  backgroundStdDevAdvice: number;
  backgroundStdDevError: number;
  /** Centre (face) region mean brightness below which the photo is "too dark". */
  subjectDarkError: number;
  subjectDarkAdvice: number;
  /** Whole-image mean brightness below which the photo is under-exposed whatever the face region says. */
  overallDarkError: number;
  /** Whole-image mean brightness above which the photo is over-exposed (advice). */
  overexposedAdvice: number;
  /** Clothes (lower corners) at most this much darker than the background → "wear dark clothes" (advice). */
  clothesContrastAdvice: number;
  /** Laplacian variance of the centre region below which the photo is "blurred". */
  sharpnessError: number;
  sharpnessAdvice: number;
  /** The background next to the head this much darker than further out → a shadow behind the head (advice). */
  shadowAdvice: number;
  /** Where the head must sit: the mission's ranges (`photoFrameSpecFor`), or the default. */
  frame: PhotoFrameSpec;
  /** Faces are found on a copy at most this big (long edge); the output and crops come from the upload. */
  workingMaxEdge: number;
  /** Detector × landmark confidence below which a candidate is not a face (animals, patterns). */
  faceMinScore: number;
  /** A second face counts when it is at least this share of the main face's height. */
  secondFaceMinShare: number;
  /** Eye opening (lid distance / eye width) below which the eyes are shut or hidden. */
  eyeOpenMin: number;
}

export const DEFAULT_PHOTO_RULES: Readonly<PhotoRules> = Object.freeze({
  ...DEFAULT_GATE_RULES,
  minWidth: 354,
  minHeight: 472,
  maxWidth: 480,
  maxHeight: 640,
  aspectRatio: 3 / 4,
  aspectTolerance: 0.02,
  jpegQuality: 90,
  analysisWidth: 300,
  analysisHeight: 400,
  backgroundDarkError: 120,
  backgroundDarkAdvice: 170,
  backgroundStdDevAdvice: 16,
  backgroundStdDevError: 30,
  subjectDarkError: 50,
  subjectDarkAdvice: 75,
  overallDarkError: 60,
  overexposedAdvice: 240,
  clothesContrastAdvice: 40,
  sharpnessError: 12,
  sharpnessAdvice: 35,
  shadowAdvice: 18,
  frame: DEFAULT_PHOTO_FRAME_SPEC,
  workingMaxEdge: 640,
  faceMinScore: 0.6,
  secondFaceMinShare: 0.35,
  eyeOpenMin: 0.12,
});
