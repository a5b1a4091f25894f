/** The main package's identity, for the engine copied beside this file (scripts/build-miniprogram.ts). */
export * from '../../../domain/identity';
