/** The main package's messages, for the held-passport validator copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/messages';
