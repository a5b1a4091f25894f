import { uploadDocument } from '../../../../api/applications';
import { ApiError } from '../../../../api/request';
import { localizedPage } from '../../../../locale/localized-page';
import { t } from '../../text';

/**
 * 手写签名: a canvas 2d pad. Strokes are kept as points (so "is anything drawn?" does not
 * depend on reading pixels back), drawn as the finger moves, exported as a PNG with
 * wx.canvasToTempFilePath and uploaded through the api layer. An empty pad is refused.
 */

type Point = [number, number];

/** The subset of the canvas 2d node and context the pad uses (a test can hand in its own). */
export interface PadCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): PadContext;
}

export interface PadContext {
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: string;
  fillStyle: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

interface PadState {
  canvas: PadCanvas | null;
  ctx: PadContext | null;
  width: number;
  height: number;
  strokes: Point[][];
}

const pads = new WeakMap<object, PadState>();

function stateOf(component: object): PadState {
  let state = pads.get(component);
  if (!state) {
    state = { canvas: null, ctx: null, width: 0, height: 0, strokes: [] };
    pads.set(component, state);
  }
  return state;
}

type TouchEvent = WechatMiniprogram.TouchCanvas;

/** Canvas touches carry x/y relative to the canvas; clientX/Y only as a fallback. */
function pointOf(event: TouchEvent): Point | null {
  const touch = (event.touches?.[0] ?? event.changedTouches?.[0]) as { x?: number; y?: number; clientX?: number; clientY?: number } | undefined;
  if (!touch) return null;
  const x = touch.x ?? touch.clientX;
  const y = touch.y ?? touch.clientY;
  return typeof x === 'number' && typeof y === 'number' ? [x, y] : null;
}

function paintBackground(state: PadState): void {
  if (!state.ctx) return;
  state.ctx.fillStyle = '#ffffff';
  state.ctx.fillRect(0, 0, state.width, state.height);
}

Component({
  properties: {
    applicationId: { type: String, value: '' },
    docId: { type: String, value: 'declaration_signature' },
    /** Who signs: the applicant, or a guardian for a young child. */
    signer: { type: String, value: '' },
    /** An accepted signature is already on the server. */
    done: { type: Boolean, value: false },
    /** A message from the page (e.g. "请上传：…"). */
    error: { type: String, value: '' },
  },
  ...localizedPage(() => ({
    text: t.apply,
  })),
  data: {
    busy: false,
    message: '',
  },
  lifetimes: {
    ready() {
      if (!this.data.done) this.findCanvas();
    },
    detached() {
      pads.delete(this);
    },
  },
  observers: {
    done(done: boolean) {
      if (!done) wx.nextTick(() => this.findCanvas());
    },
  },
  methods: {
    findCanvas() {
      this.createSelectorQuery()
        .select('#pad')
        .fields({ node: true, size: true } as WechatMiniprogram.Fields)
        .exec((res: Array<{ node?: PadCanvas; width?: number; height?: number } | null>) => {
          const found = res?.[0];
          if (found?.node) this.attachCanvas(found.node, found.width ?? 300, found.height ?? 150);
        });
    },
    /** Sizes the backing store for the screen's pixel ratio and paints it white. */
    attachCanvas(canvas: PadCanvas, width: number, height: number) {
      const state = stateOf(this);
      let ratio = 2;
      try {
        ratio = wx.getWindowInfo().pixelRatio || 2;
      } catch {
        // Older base library: 2 is a safe guess.
      }
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const ctx = canvas.getContext('2d');
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 4;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#000000';
      Object.assign(state, { canvas, ctx, width, height, strokes: [] });
      paintBackground(state);
    },
    onStart(event: TouchEvent) {
      const point = pointOf(event);
      if (!point) return;
      const state = stateOf(this);
      state.strokes.push([point]);
      state.ctx?.beginPath();
      state.ctx?.moveTo(point[0], point[1]);
      if (this.data.message) this.setData({ message: '' });
    },
    onMove(event: TouchEvent) {
      const point = pointOf(event);
      const state = stateOf(this);
      const stroke = state.strokes[state.strokes.length - 1];
      if (!point || !stroke) return;
      stroke.push(point);
      state.ctx?.lineTo(point[0], point[1]);
      state.ctx?.stroke();
    },
    onEnd() {
      // Nothing to finish: each move is already drawn.
    },
    /** Strokes long enough to be writing, not a stray tap. */
    hasInk(): boolean {
      return stateOf(this).strokes.some((stroke) => stroke.length >= 2);
    },
    clear() {
      const state = stateOf(this);
      state.strokes = [];
      paintBackground(state);
      this.setData({ message: '' });
    },
    again() {
      stateOf(this).strokes = [];
      this.setData({ done: false, message: '' });
    },
    async confirm() {
      if (this.data.busy) return;
      if (!this.hasInk()) {
        this.setData({ message: t.apply.signEmpty });
        return;
      }
      this.setData({ busy: true, message: '' });
      try {
        const path = await this.exportPng();
        const document = await uploadDocument(this.data.applicationId, this.data.docId, path);
        this.setData({ busy: false, done: true });
        this.triggerEvent('uploaded', { document });
      } catch (error) {
        this.setData({ busy: false, message: error instanceof Error && error.message ? error.message : t.serverError });
      }
    },
    exportPng(): Promise<string> {
      const { canvas } = stateOf(this);
      return new Promise((resolve, reject) => {
        wx.canvasToTempFilePath(
          {
            canvas: canvas as unknown as WechatMiniprogram.IAnyObject,
            fileType: 'png',
            success: (res) => resolve(res.tempFilePath),
            fail: () => reject(new ApiError(0, 'CANVAS_EXPORT_FAILED', t.upload.fileReadFailed)),
          },
          this,
        );
      });
    },
  },
});
