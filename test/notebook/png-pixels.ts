/** Test helper: decode an 8-bit RGBA or RGB, non-interlaced PNG (what resvg writes) into pixel statistics. */
import { inflateSync } from 'node:zlib';

/** Width, height and the standard deviation of the luminance over all pixels (0 = a blank image). */
export function pngStats(png: Buffer): { width: number; height: number; lumaStdDev: number; darkPixels: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.subarray(pos + 4, pos + 8).toString('latin1');
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (!channels) throw new Error(`colour type ${body[9]} not supported`);
    }
    if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter] ?? 0;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  let sum = 0;
  let sumSq = 0;
  let dark = 0;
  for (let i = 0; i < out.length; i += channels) {
    const luma = 0.299 * (out[i] ?? 0) + 0.587 * (out[i + 1] ?? 0) + 0.114 * (out[i + 2] ?? 0);
    sum += luma;
    sumSq += luma * luma;
    if (luma < 100) dark++;
  }
  const n = width * height;
  return { width, height, lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2)), darkPixels: dark };
}
