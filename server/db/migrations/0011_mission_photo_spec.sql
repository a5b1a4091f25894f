-- Per-mission ID photo ranges (issue 12). The missions publish different head sizes (head
-- width 21–24 mm vs 15–22 mm of 33 mm…): each may override any range of the photo check's
-- default (server/photo/photo-spec.ts; keys headHeight, headWidth, spaceAboveHead,
-- minSpaceBelowChin, eyeLine, maxCentreOffset, maxYaw, maxPitch, maxRoll; shares of the frame
-- and degrees). null: the documented default. Validated when read; see docs/photo-check.md.

alter table missions
  add column photo_spec jsonb;
