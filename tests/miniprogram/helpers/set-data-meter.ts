/**
 * Counts a page's setData calls and the bytes each carries (its JSON, as it crosses to the
 * render thread): for the per-key-press budget in the form tests and `npm run bench:setdata`.
 */
export interface SetDataMeter {
  calls: number[];
  readonly count: number;
  readonly bytes: number;
  reset(): void;
}

export function meterSetData(instance: { setData(data: Record<string, unknown>, callback?: () => void): void }): SetDataMeter {
  const original = instance.setData.bind(instance);
  const meter: SetDataMeter = {
    calls: [],
    get count() {
      return meter.calls.length;
    },
    get bytes() {
      return meter.calls.reduce((sum, bytes) => sum + bytes, 0);
    },
    reset() {
      meter.calls = [];
    },
  };
  instance.setData = (data, callback) => {
    meter.calls.push(Buffer.byteLength(JSON.stringify(data)));
    original(data, callback);
  };
  return meter;
}
