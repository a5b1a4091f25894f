import { buildMiniprogramNpm } from '../../scripts/build-miniprogram';

/** Page tests load TDesign from miniprogram_npm, exactly as the mini-program does. */
export default async function globalSetup(): Promise<void> {
  await buildMiniprogramNpm({ quiet: true });
}
