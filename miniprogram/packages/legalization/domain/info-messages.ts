/** The main package's info messages, for the legalization rules copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/info-messages';
