/**
 * Face detection and landmarks for the ID photo check: @vladmandic/human (BlazeFace detector +
 * MediaPipe FaceMesh, 468 landmarks) on TensorFlow.js' WebAssembly backend. The models and the
 * .wasm binaries ship inside the npm packages, so nothing is downloaded at run time and nothing
 * is compiled on install (see docs/photo-check.md for the comparison with the alternatives).
 *
 * One detector per process, loaded on first use (~0.3 s). TF.js runs one inference at a time on
 * one thread, so calls are queued here: concurrent uploads wait their turn instead of
 * interleaving GPU-less kernels and multiplying the tensor memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { io as tfio } from '@tensorflow/tfjs-core';
import type { Config, FaceResult, Human } from '@vladmandic/human';

/** What the photo check needs from one detected face; coordinates in the analysed image's pixels. */
export interface DetectedFace {
  /** Detector confidence × landmark confidence, 0–1. */
  score: number;
  /** Landmark (mesh) confidence alone: low on animals, masks and drawings. */
  meshScore: number;
  box: { x: number; y: number; width: number; height: number };
  /** Degrees; yaw > 0 turned to the photo's left, pitch > 0 chin down, roll > 0 tilted clockwise. */
  yaw: number;
  pitch: number;
  roll: number;
  /** Top of the forehead mesh (below the hairline, not the crown). */
  foreheadTop: Point;
  chin: Point;
  /** Outermost face-outline points at eye level (in front of the ears). */
  faceLeft: Point;
  faceRight: Point;
  leftEye: EyeLandmarks;
  rightEye: EyeLandmarks;
}

export interface Point { x: number; y: number }
export interface EyeLandmarks { outer: Point; inner: Point; upper: Point; lower: Point }

// MediaPipe FaceMesh indices (canonical face model; "left"/"right" are the person's own).
const MESH = {
  foreheadTop: 10,
  chin: 152,
  faceRight: 234,
  faceLeft: 454,
  rightEye: { outer: 33, inner: 133, upper: 159, lower: 145 },
  leftEye: { outer: 263, inner: 362, upper: 386, lower: 374 },
} as const;

const HUMAN_CONFIG: Partial<Config> = {
  backend: 'wasm',
  debug: false,
  async: true,
  warmup: 'none',
  // Every photo is a new picture: no frame cache, no skipped frames (those are for video).
  cacheSensitivity: 0,
  filter: { enabled: false },
  face: {
    enabled: true,
    // maxDetected > 1 so that a second face is seen (and refused), not silently ignored.
    detector: { enabled: true, rotation: false, maxDetected: 5, minConfidence: 0.5, iouThreshold: 0.3, skipFrames: 0, skipTime: 0, return: false, mask: false },
    mesh: { enabled: true },
    iris: { enabled: false },
    emotion: { enabled: false },
    description: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    attention: { enabled: false },
    gear: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
  gesture: { enabled: false },
} as Partial<Config>;

let loading: Promise<Human> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Directory of an installed package (its `exports` hide package.json, so resolve the main file). */
function packageDir(name: string, mainDirDepth: number): string {
  let dir = path.dirname(require.resolve(name));
  for (let i = 0; i < mainDirDepth; i++) dir = path.dirname(dir);
  return dir;
}

async function load(): Promise<Human> {
  const humanDir = packageDir('@vladmandic/human', 1); // main: dist/human.node.js
  const wasmDist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')); // dist/index.js
  // The WASM build of Human; the package's `exports` only list the tfjs-node build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Human: HumanClass } = require(path.join(humanDir, 'dist', 'human.node-wasm.js')) as typeof import('@vladmandic/human');
  const human = new HumanClass({
    ...HUMAN_CONFIG,
    wasmPath: `${wasmDist}${path.sep}`,
    modelBasePath: `file://${path.join(humanDir, 'models')}/`,
  });
  registerFileLoader(human);
  await human.load();
  return human;
}

/**
 * TF.js only knows http(s) URLs outside tfjs-node: teach it to read `file://` model.json and
 * its weight shards from the installed package.
 */
function registerFileLoader(human: Human): void {
  const io = human.tf.io;
  io.registerLoadRouter((url: string | string[]) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const file = url.slice('file://'.length);
    return {
      load: async () => {
        const json = JSON.parse(await fs.promises.readFile(file, 'utf8'));
        return io.getModelArtifactsForJSON(json, async (manifest: tfio.WeightsManifestConfig) => {
          const specs = manifest.flatMap((group) => group.weights);
          const shards = await Promise.all(manifest.flatMap((group) => group.paths.map((p) => fs.promises.readFile(path.join(path.dirname(file), p)))));
          const all = Buffer.concat(shards);
          return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer];
        });
      },
    };
  });
}

/** Loads the models now (server start-up), so the first citizen does not wait for it. */
export function warmUpFaceDetector(): Promise<void> {
  loading ??= load();
  return loading.then(() => undefined);
}

/**
 * Every face in an RGB image (interleaved, 3 channels), best first. Faces whose landmarks
 * could not be placed are returned too (with a low meshScore): the caller decides.
 */
export function detectFaces(rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]> {
  const run = async (): Promise<DetectedFace[]> => {
    loading ??= load();
    const human = await loading;
    const input = human.tf.tensor4d(toInt32(rgb), [1, height, width, 3], 'int32');
    try {
      const result = await human.detect(input);
      return result.face.map(toDetectedFace).sort((a, b) => b.score - a.score);
    } finally {
      input.dispose();
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * TF.js takes no 8-bit tensors: the pixels are widened into one reused buffer (the WASM backend
 * copies a tensor's values into its own heap when it is created, and calls are queued, so the
 * buffer is free again at once). Saves a 3.7 MB allocation per photo and the GC it triggers.
 */
let scratch = new Int32Array(0);
function toInt32(rgb: Uint8Array): Int32Array {
  if (scratch.length < rgb.length) scratch = new Int32Array(rgb.length);
  const out = scratch.length === rgb.length ? scratch : scratch.subarray(0, rgb.length);
  for (let i = 0; i < rgb.length; i++) out[i] = rgb[i]!;
  return out;
}

const DEG = 180 / Math.PI;

function toDetectedFace(face: FaceResult): DetectedFace {
  const at = (i: number): Point => {
    const p = face.mesh[i];
    return p ? { x: p[0], y: p[1] } : { x: Number.NaN, y: Number.NaN };
  };
  const eye = (e: { outer: number; inner: number; upper: number; lower: number }): EyeLandmarks => ({
    outer: at(e.outer), inner: at(e.inner), upper: at(e.upper), lower: at(e.lower),
  });
  const angle = face.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  const [x, y, w, h] = face.box;
  return {
    score: face.score,
    meshScore: face.faceScore,
    box: { x, y, width: w, height: h },
    yaw: angle.yaw * DEG,
    pitch: angle.pitch * DEG,
    roll: angle.roll * DEG,
    foreheadTop: at(MESH.foreheadTop),
    chin: at(MESH.chin),
    faceLeft: at(MESH.faceLeft),
    faceRight: at(MESH.faceRight),
    leftEye: eye(MESH.leftEye),
    rightEye: eye(MESH.rightEye),
  };
}
