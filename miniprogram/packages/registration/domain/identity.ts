/** The main package's identity, for the registration validator copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/identity';
