/** The main package's validation, for the engine copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/validation';
