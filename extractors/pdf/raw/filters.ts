/**
 * Stream filters the raw reader needs for content streams, form XObjects, object streams and xref
 * streams. Image codecs (DCT, JPX, JBIG2, CCITT) are never needed: images are only counted, not
 * decoded. Anything else is unsupported, and the page goes to pdf.js.
 */
import zlib from 'node:zlib';
import { RAW_BOUNDS, unsupported } from './bounds.js';
import { inflatedBefore } from './inflated.js';

export interface DecodeParms {
  predictor: number;
  colors: number;
  bitsPerComponent: number;
  columns: number;
}

/** Decoded bytes still allowed for the document; shared by every stream of it. */
export interface DecodeBudget {
  remaining: number;
}

export function newBudget(): DecodeBudget {
  return { remaining: RAW_BOUNDS.maxDocumentDecodedBytes };
}

/** Applies `filters` in order, each with its parameters (undefined: defaults). */
export function decodeFilters(data: Uint8Array, filters: string[], parms: (DecodeParms | undefined)[], budget: DecodeBudget): Uint8Array {
  let out = data;
  for (let k = 0; k < filters.length; k++) {
    const cap = Math.min(RAW_BOUNDS.maxStreamBytes, budget.remaining);
    switch (filters[k]) {
      case 'FlateDecode':
      case 'Fl':
        out = inflate(out, cap);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        out = asciiHex(out);
        break;
      case 'ASCII85Decode':
      case 'A85':
        out = ascii85(out);
        break;
      default:
        unsupported(`filter ${filters[k]}`);
    }
    if (out.length > cap) unsupported('decoded stream over the size bound');
    budget.remaining -= out.length;
    const p = parms[k];
    if (p && p.predictor > 1) {
      out = unpredict(out, p);
      budget.remaining -= out.length;
    }
    if (budget.remaining < 0) unsupported('decoded bytes over the document bound');
  }
  return out;
}

function inflate(data: Uint8Array, cap: number): Uint8Array {
  // Deflate data pdf.js inflated to its end gives the same bytes here, whether or not the zlib header
  // and checksum around it are sound (this inflate, or the raw retry below); only the bound is ours.
  const known = data.length > 2 ? inflatedBefore(data.subarray(2)) : undefined;
  if (known) {
    if (known.length > Math.max(1, cap)) unsupported('inflated stream over the size bound');
    return known;
  }
  // Z_SYNC_FLUSH: a stream cut short (no final block, no checksum) yields what it has instead of failing.
  const options = { maxOutputLength: Math.max(1, cap), finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    return zlib.inflateSync(data, options);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') unsupported('inflated stream over the size bound');
    // A wrong checksum or a damaged header still leaves good deflate data after the two header bytes;
    // pdf.js reads such streams, so try once as raw deflate.
    try {
      return zlib.inflateRawSync(data.subarray(2), options);
    } catch (again) {
      if ((again as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') unsupported('inflated stream over the size bound');
      unsupported(`corrupt flate stream: ${(error as Error).message}`);
    }
  }
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length + 1) >> 1);
  let n = 0;
  let high = -1;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue; // whitespace (and junk, as pdf.js skips it)
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length * 4 + 4); // "z" turns one byte into four
  let n = 0;
  const group = [0, 0, 0, 0, 0];
  let g = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === 0x7e) break; // ~>
    if (c === 0x7a && g === 0) {
      out[n++] = 0;
      out[n++] = 0;
      out[n++] = 0;
      out[n++] = 0;
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group[g++] = c - 0x21;
    if (g === 5) {
      let v = 0;
      for (let k = 0; k < 5; k++) v = v * 85 + group[k];
      out[n++] = (v >>> 24) & 0xff;
      out[n++] = (v >>> 16) & 0xff;
      out[n++] = (v >>> 8) & 0xff;
      out[n++] = v & 0xff;
      g = 0;
    }
  }
  if (g > 1) {
    for (let k = g; k < 5; k++) group[k] = 84;
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + group[k];
    for (let k = 0; k < g - 1; k++) out[n++] = (v >>> (24 - 8 * k)) & 0xff;
  }
  return out.subarray(0, n);
}

/** PNG (10–15) and TIFF (2, 8-bit) predictors, as xref streams use them. */
function unpredict(data: Uint8Array, p: DecodeParms): Uint8Array {
  const { colors, bitsPerComponent: bpc, columns } = p;
  if (!(colors >= 1 && colors <= 32 && [1, 2, 4, 8, 16].includes(bpc) && columns >= 1 && columns <= 1 << 24)) unsupported('bad predictor parameters');
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  if (p.predictor === 2) {
    if (bpc !== 8) unsupported('TIFF predictor with other than 8 bits per component');
    const out = Uint8Array.from(data);
    for (let row = 0; row < out.length; row += rowBytes) {
      const end = Math.min(row + rowBytes, out.length);
      for (let i = row + colors; i < end; i++) out[i] = (out[i] + out[i - colors]) & 0xff;
    }
    return out;
  }
  if (p.predictor < 10 || p.predictor > 15) unsupported(`predictor ${p.predictor}`);
  const rows = Math.ceil(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  let n = 0;
  let prev = -1; // start of the previous output row, -1 before the first
  for (let at = 0; at < data.length; at += rowBytes + 1) {
    const type = data[at];
    const rowStart = n;
    const len = Math.min(rowBytes, data.length - at - 1);
    for (let i = 0; i < len; i++) {
      const raw = data[at + 1 + i];
      const left = i >= bpp ? out[rowStart + i - bpp] : 0;
      const up = prev >= 0 ? out[prev + i] : 0;
      const upLeft = prev >= 0 && i >= bpp ? out[prev + i - bpp] : 0;
      let v: number;
      switch (type) {
        case 0:
          v = raw;
          break;
        case 1:
          v = raw + left;
          break;
        case 2:
          v = raw + up;
          break;
        case 3:
          v = raw + ((left + up) >> 1);
          break;
        case 4: {
          const pa = Math.abs(up - upLeft);
          const pb = Math.abs(left - upLeft);
          const pc = Math.abs(left + up - 2 * upLeft);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          unsupported(`PNG row filter ${type}`);
      }
      out[n++] = v & 0xff;
    }
    prev = rowStart;
  }
  return out.subarray(0, n);
}
