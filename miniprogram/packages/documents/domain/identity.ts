/** The main package's identity, for the held-passport validator copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/identity';
