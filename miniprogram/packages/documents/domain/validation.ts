/** The main package's validation, for the held-passport validator copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/validation';
