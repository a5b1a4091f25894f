/** The main package's contact, for the registration validator copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/contact';
