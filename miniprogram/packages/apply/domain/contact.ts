/** The main package's contact, for the engine copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/contact';
