/**
 * Hand-assembled PDFs for the raw reader's tests: objects given as bodies, written with a classic
 * xref table, an xref stream (optionally with the objects packed into an object stream), or no xref
 * at all. Small enough to reason about byte by byte.
 */
import zlib from 'node:zlib';

export type Body = string | Buffer;

/** `<<dict /Length n>> stream … endstream`, Flate-compressed when asked. */
export function stream(dict: string, data: string | Buffer, options: { flate?: boolean } = {}): Buffer {
  let bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  let extra = '';
  if (options.flate) {
    bytes = zlib.deflateSync(bytes);
    extra = ' /Filter /FlateDecode';
  }
  return Buffer.concat([Buffer.from(`<< ${dict}${extra} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

export interface BuildOptions {
  xref?: 'table' | 'stream' | 'objstm' | 'none';
  /** Extra trailer entries, e.g. "/Encrypt 9 0 R". */
  trailer?: string;
  /** Object number of the catalog (default 1). */
  root?: number;
}

/** Objects 1..n from `bodies`; the catalog is object `root`. */
export function buildPdf(bodies: Body[], options: BuildOptions = {}): Buffer {
  const mode = options.xref ?? 'table';
  const root = options.root ?? 1;
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const add = (b: Buffer): void => {
    parts.push(b);
    length += b.length;
  };
  const offsets: number[] = [];
  const packed = new Map<number, number>(); // object number → index in the object stream
  if (mode === 'objstm') {
    // Non-stream objects go into one object stream (object n+1); streams stay top level.
    const inside: { num: number; text: string }[] = [];
    bodies.forEach((body, k) => {
      if (typeof body === 'string') inside.push({ num: k + 1, text: body });
    });
    let header = '';
    let data = '';
    inside.forEach(({ num, text }, k) => {
      header += `${num} ${data.length} `;
      data += `${text}\n`;
      packed.set(num, k);
    });
    const objStmNum = bodies.length + 1;
    bodies.forEach((body, k) => {
      if (packed.has(k + 1)) return;
      offsets[k + 1] = length;
      add(Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]));
    });
    offsets[objStmNum] = length;
    add(Buffer.concat([Buffer.from(`${objStmNum} 0 obj\n`, 'latin1'), stream(`/Type /ObjStm /N ${inside.length} /First ${header.length}`, header + data, { flate: true }), Buffer.from('\nendobj\n', 'latin1')]));
    return finishWithXrefStream(parts, add, () => length, offsets, packed, objStmNum, root, options.trailer ?? '');
  }
  bodies.forEach((body, k) => {
    offsets[k + 1] = length;
    add(Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]));
  });
  if (mode === 'none') {
    add(Buffer.from(`trailer\n<< /Size ${bodies.length + 1} /Root ${root} 0 R ${options.trailer ?? ''}>>\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
  if (mode === 'stream') return finishWithXrefStream(parts, add, () => length, offsets, packed, 0, root, options.trailer ?? '');
  const xrefAt = length;
  let table = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (let n = 1; n <= bodies.length; n++) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  add(Buffer.from(`${table}trailer\n<< /Size ${bodies.length + 1} /Root ${root} 0 R ${options.trailer ?? ''}>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** An xref stream with PNG Up prediction (what most writers use), W [1 4 2]. */
function finishWithXrefStream(
  parts: Buffer[],
  add: (b: Buffer) => void,
  length: () => number,
  offsets: number[],
  packed: Map<number, number>,
  objStmNum: number,
  root: number,
  trailer: string,
): Buffer {
  const xrefNum = offsets.length;
  const xrefAt = length();
  offsets[xrefNum] = xrefAt;
  const size = xrefNum + 1;
  const rows: Buffer[] = [];
  for (let n = 0; n < size; n++) {
    const row = Buffer.alloc(7);
    if (n === 0) {
      row.writeUInt8(0, 0);
      row.writeUInt16BE(0xffff, 5);
    } else if (packed.has(n)) {
      row.writeUInt8(2, 0);
      row.writeUInt32BE(objStmNum, 1);
      row.writeUInt16BE(packed.get(n)!, 5);
    } else {
      row.writeUInt8(1, 0);
      row.writeUInt32BE(offsets[n] ?? 0, 1);
    }
    rows.push(row);
  }
  // PNG "Up" filter on every row.
  const predicted: Buffer[] = [];
  let prev: Buffer = Buffer.alloc(7);
  for (const row of rows) {
    const out = Buffer.alloc(8);
    out[0] = 2;
    for (let k = 0; k < 7; k++) out[k + 1] = (row[k] - prev[k]) & 0xff;
    predicted.push(out);
    prev = row;
  }
  const dict = `/Type /XRef /Size ${size} /W [1 4 2] /Root ${root} 0 R /DecodeParms << /Predictor 12 /Columns 7 >> ${trailer}`;
  add(Buffer.concat([Buffer.from(`${xrefNum} 0 obj\n`, 'latin1'), stream(dict, Buffer.concat(predicted), { flate: true }), Buffer.from('\nendobj\n', 'latin1')]));
  add(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Catalog, page tree and one page per content (objects 1, 2, then page/content pairs), plus `extra` objects after. */
export function pagesPdf(contents: Body[], options: BuildOptions & { resources?: string; extra?: Body[]; mediaBox?: string } = {}): Buffer {
  const n = contents.length;
  const kids = contents.map((_, k) => `${3 + 2 * k} 0 R`).join(' ');
  const bodies: Body[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} /Resources ${options.resources ?? '<< >>'} >>`];
  contents.forEach((content, k) => {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 595 842]'} /Contents ${4 + 2 * k} 0 R >>`);
    bodies.push(typeof content === 'string' ? stream('', content) : content);
  });
  bodies.push(...(options.extra ?? []));
  return buildPdf(bodies, options);
}
