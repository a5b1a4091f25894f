/**
 * The tab bar's icons (app.json tabBar.list iconPath / selectedIconPath): drawn here from
 * four small outlines, in the tab bar's two colours, as 72×72 palette PNGs (about 0.35 KB
 * each: the main package barely grows). Written into miniprogram/assets/tab/ on every build
 * when missing or different — generated, not committed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';

/**
 * Outlines on a 24×24 grid, one per tab, named as in app.json. The selected tab's icon is
 * also filled, so the selection shows in shape as well as in colour.
 */
const OUTLINES: Record<string, string> = {
  home: '<path d="M3 11 L12 3.5 L21 11"/><path d="M5.5 9.5 V20.5 H10 V14.5 H14 V20.5 H18.5 V9.5"/>',
  orders: '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M8.5 8 H15.5 M8.5 12 H15.5 M8.5 16 H12.5"/>',
  messages: '<path d="M4 5 H20 V16 H11 L7 19.5 V16 H4 Z"/><path d="M8 9.5 H16 M8 12.5 H13"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4.5 20.5 C5.5 15.5 8.5 13.5 12 13.5 C15.5 13.5 18.5 15.5 19.5 20.5"/>',
};

/** px; WeChat suggests 81, 72 keeps them sharp at 3× and the main package lighter. */
const SIZE = 72;

/** app.json's tabBar colours: unselected text #4b4b4b (8.6:1), selected the brand red. */
const COLOURS = { normal: '#4b4b4b', selected: '#c7000b' } as const;

function svg(outline: string, colour: string, filled: boolean): Buffer {
  // Filled: the shapes take a light tint of the colour; lines inside them stay visible.
  const fill = filled ? `${colour}" fill-opacity="0.25` : 'none';
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24" fill="${fill}" stroke="${colour}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${outline}</svg>`,
  );
}

/** Writes the eight PNGs (name.png, name-selected.png); returns their total bytes. */
export async function writeTabBarIcons(miniprogramRoot: string): Promise<number> {
  const dir = path.join(miniprogramRoot, 'assets', 'tab');
  fs.mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const [name, outline] of Object.entries(OUTLINES)) {
    for (const [state, colour] of Object.entries(COLOURS)) {
      const file = path.join(dir, state === 'selected' ? `${name}-selected.png` : `${name}.png`);
      const png = await sharp(svg(outline, colour, state === 'selected')).png({ palette: true, colours: 4, compressionLevel: 9, effort: 10 }).toBuffer();
      total += png.length;
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) fs.writeFileSync(file, png);
    }
  }
  return total;
}
