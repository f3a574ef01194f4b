/**
 * Decodes an HTML/XML/JSON body to text. Many portals serve GBK pages without a charset header, so
 * the order is: BOM, header charset, <meta> charset, strict UTF-8, and GB18030 (a superset of GBK
 * and GB2312) as the last resort.
 */
import iconv from 'iconv-lite';

export function decodeText(body: Buffer, contentType: string | undefined): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  const declared = charsetFromContentType(contentType) ?? charsetFromMarkup(body);
  if (declared && iconv.encodingExists(declared)) {
    // Portals label GBK bytes as gb2312 all the time; GB18030 decodes both correctly.
    const normalized = /^(gb2312|gbk|x-gbk|gb_2312-80)$/i.test(declared) ? 'gb18030' : declared;
    return iconv.decode(body, normalized);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'gb18030');
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase();
}

/** Looks only at the first 4 KiB, read as Latin-1 so any byte sequence is safe to scan. */
export function charsetFromMarkup(body: Buffer): string | undefined {
  const head = body.subarray(0, 4096).toString('latin1');
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i) ?? head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  return meta?.[1]?.toLowerCase();
}
