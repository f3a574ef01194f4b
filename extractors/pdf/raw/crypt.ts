/**
 * The PDF standard security handler, for the one case that matters here: a file that opens without a
 * user password but carries an owner password (print or copy restrictions). Government portals publish
 * many reports that way; pdf.js reads them, and so must the raw path reader, or those files pay for
 * pdf.js's operator list again. Only stream data is decrypted (paths need no strings). The empty user
 * password is checked against /U first: a file that needs a real password is refused, never read as
 * garbage. RC4 (revisions 2–4), AES-128 (crypt filter AESV2) and AES-256 (revisions 5 and 6).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { unsupported } from './bounds.js';
import { PdfDict, PdfName, PdfString, type PdfObject } from './lexer.js';

/** Decrypts one stream's stored bytes, given the number and generation of the object that holds it. */
export interface Decryptor {
  stream(data: Uint8Array, num: number, gen: number): Uint8Array;
}

/** The padding string of Algorithm 2: the user password when it is empty. */
const PASSWORD_PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

type Method = 'none' | 'rc4' | 'aes128' | 'aes256';

/**
 * The decryptor for the empty user password. `resolve` follows references; `id0` is the first
 * string of the trailer's /ID. Throws RawPdfUnsupported for any other handler, method or password.
 */
export function standardDecryptor(encrypt: PdfDict, id0: Uint8Array | undefined, resolve: (value: PdfObject | undefined) => PdfObject | undefined): Decryptor {
  const get = (key: string): PdfObject | undefined => resolve(encrypt.get(key));
  const filter = get('Filter');
  if (!(filter instanceof PdfName) || filter.name !== 'Standard') unsupported('not the standard security handler');
  const v = numberOf(get('V'), 0);
  const r = numberOf(get('R'), 0);
  const o = bytesOf(get('O'));
  const u = bytesOf(get('U'));
  const method = streamMethod(v, get, resolve);
  if (method === 'none') return { stream: (data) => data };
  if (r >= 5) {
    const key = aes256FileKey(r, u, bytesOf(get('UE')));
    return { stream: (data) => aesDecrypt(data, key) };
  }
  if (!id0) unsupported('encrypted file without /ID');
  const lengthBits = v === 1 ? 40 : v === 4 ? cryptFilterLengthBits(get, resolve) : numberOf(get('Length'), 40);
  const keyBytes = Math.max(5, Math.min(16, Math.floor(lengthBits / 8)));
  const encryptMetadata = get('EncryptMetadata') !== false;
  const key = rc4FileKey(r, keyBytes, o, numberOf(get('P'), 0), id0, encryptMetadata);
  if (!emptyUserPasswordFits(r, key, u, id0)) unsupported('the document needs a user password');
  return {
    stream(data, num, gen) {
      const objectKey = objectKeyOf(key, num, gen, method === 'aes128');
      return method === 'aes128' ? aesDecrypt(data, objectKey) : rc4(objectKey, data);
    },
  };
}

/** Version 4 states the key length in the crypt filter, in bytes or bits depending on the writer (as pdf.js reads it). */
function cryptFilterLengthBits(get: (key: string) => PdfObject | undefined, resolve: (value: PdfObject | undefined) => PdfObject | undefined): number {
  const stmF = get('StmF');
  const filters = get('CF');
  const filter = stmF instanceof PdfName && filters instanceof PdfDict ? resolve(filters.get(stmF.name)) : undefined;
  const length = filter instanceof PdfDict ? resolve(filter.get('Length')) : undefined;
  if (typeof length === 'number' && length > 0) return length < 40 ? length * 8 : length;
  return numberOf(get('Length'), 128);
}

function numberOf(value: PdfObject | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function bytesOf(value: PdfObject | undefined): Uint8Array {
  if (!(value instanceof PdfString)) unsupported('encryption dictionary without its password strings');
  return value.bytes;
}

/** How streams are encrypted: V1/V2 always RC4; V4/V5 by the crypt filter named in /StmF. */
function streamMethod(v: number, get: (key: string) => PdfObject | undefined, resolve: (value: PdfObject | undefined) => PdfObject | undefined): Method {
  if (v === 1 || v === 2) return 'rc4';
  if (v !== 4 && v !== 5) unsupported(`security handler version ${v}`);
  const stmF = get('StmF');
  const name = stmF instanceof PdfName ? stmF.name : 'Identity';
  if (name === 'Identity') return 'none';
  const filters = get('CF');
  const filter = filters instanceof PdfDict ? resolve(filters.get(name)) : undefined;
  const cfm = filter instanceof PdfDict ? resolve(filter.get('CFM')) : undefined;
  const cfmName = cfm instanceof PdfName ? cfm.name : 'None';
  if (cfmName === 'None') return 'none';
  if (cfmName === 'V2') return 'rc4';
  if (cfmName === 'AESV2') return 'aes128';
  if (cfmName === 'AESV3') return 'aes256';
  return unsupported(`crypt filter method ${cfmName}`);
}

const md5 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** Algorithm 2 with the empty user password. */
function rc4FileKey(r: number, keyBytes: number, o: Uint8Array, p: number, id0: Uint8Array, encryptMetadata: boolean): Buffer {
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(p | 0);
  const parts: Uint8Array[] = [PASSWORD_PAD, o.subarray(0, 32), permissions, id0];
  if (r >= 4 && !encryptMetadata) parts.push(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  let hash = md5(...parts);
  if (r >= 3) for (let k = 0; k < 50; k++) hash = md5(hash.subarray(0, keyBytes));
  return hash.subarray(0, r === 2 ? 5 : keyBytes);
}

/** Algorithms 4 and 5: does the key made from the empty password reproduce /U? */
function emptyUserPasswordFits(r: number, key: Buffer, u: Uint8Array, id0: Uint8Array): boolean {
  if (r === 2) return Buffer.from(rc4(key, PASSWORD_PAD)).equals(Buffer.from(u.subarray(0, 32)));
  let x: Uint8Array = md5(PASSWORD_PAD, id0);
  for (let i = 0; i < 20; i++) x = rc4(i === 0 ? key : key.map((b) => b ^ i), x);
  return Buffer.from(x).equals(Buffer.from(u.subarray(0, 16)));
}

/** Algorithm 1: the key of one object's strings and streams. */
function objectKeyOf(key: Buffer, num: number, gen: number, aes: boolean): Buffer {
  const id = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  const hash = aes ? md5(key, id, Buffer.from('sAlT', 'latin1')) : md5(key, id);
  return hash.subarray(0, Math.min(key.length + 5, 16));
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

/** AES-CBC with the IV in the first 16 bytes and PKCS#5 padding, as PDF stores encrypted streams. */
function aesDecrypt(data: Uint8Array, key: Uint8Array): Uint8Array {
  if (data.length < 32 || data.length % 16 !== 0) {
    if (data.length <= 16) return new Uint8Array(0); // an empty stream: only an IV, or nothing
    unsupported('AES-encrypted stream of a length that is not whole blocks');
  }
  try {
    const decipher = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  } catch {
    return unsupported('AES stream that does not decrypt (bad padding)');
  }
}

/** Revisions 5 and 6: check the empty password against /U, then unwrap the file key from /UE. */
function aes256FileKey(r: number, u: Uint8Array, ue: Uint8Array): Buffer {
  if (u.length < 48 || ue.length < 32) unsupported('AES-256 encryption dictionary too short');
  const empty = new Uint8Array(0);
  const hash = (salt: Uint8Array): Buffer => (r === 5 ? createHash('sha256').update(salt).digest() : hash2B(empty, salt));
  if (!hash(u.subarray(32, 40)).equals(Buffer.from(u.subarray(0, 32)))) unsupported('the document needs a user password');
  const decipher = createDecipheriv('aes-256-cbc', hash(u.subarray(40, 48)), Buffer.alloc(16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(ue.subarray(0, 32)), decipher.final()]);
}

/** ISO 32000-2 Algorithm 2.B (revision 6), for the user password (no /U data mixed in). */
function hash2B(password: Uint8Array, salt: Uint8Array): Buffer {
  let k = createHash('sha256').update(password).update(salt).digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i];
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]).update(e).digest();
    if (round >= 63 && e[e.length - 1] <= round - 31) break;
  }
  return k.subarray(0, 32);
}
