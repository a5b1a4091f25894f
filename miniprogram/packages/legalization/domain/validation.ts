/** The main package's validation helpers, for the legalization rules copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/validation';
