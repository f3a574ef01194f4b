/**
 * The HTML reader: portal pages, Word-pasted pages and bare article fragments, in UTF-8 or the GB
 * encodings. Decoding is in html/decode.ts, the model-building walk in html/index.ts.
 */
import { readLimits, type Reader } from './reader.js';
import { UnreadableDocumentError, type Message } from './model.js';
import { looksLikeHtml } from './html/sniff.js';
import { lazyImport } from './lazy-import.js';
import type { PictureSources } from './html/pictures.js';

const htmlModules = lazyImport(() => Promise.all([import('./html/decode.js'), import('./html/index.js')]));
const pictureModules = lazyImport(() => Promise.all([import('./html/pictures.js'), import('./image/placed-pictures.js')]));

export const htmlReader: Reader = {
  format: 'html',
  sniff: (head) => looksLikeHtml(head),
  async read(bytes, options) {
    // Decoded text is at most as long as the bytes for every encoding we read, so one byte cap suffices.
    const limits = readLimits(options);
    if (bytes.length > limits.maxHtmlBytes) {
      throw new UnreadableDocumentError('too-large', `HTML file of ${bytes.length} bytes exceeds maxHtmlBytes (${limits.maxHtmlBytes})`);
    }
    const [{ decodeHtmlBytes }, { htmlToDocument }] = await htmlModules();
    const decoded = decodeHtmlBytes(bytes);
    const messages: Message[] = [];
    if (decoded.guessed) {
      const why = decoded.overruled ? `the declared charset ${decoded.overruled} does not fit the bytes` : 'no usable charset declaration';
      messages.push({ code: 'encoding-guessed', message: `${why}; decoded as ${decoded.encoding}` });
    }
    const pictures: PictureSources[] = [];
    const doc = htmlToDocument(decoded.text, { format: 'html', messages, limits, pictures });
    if (pictures.length) {
      const [{ loadPagePictures }, { substitutePictures }] = await pictureModules();
      await substitutePictures(doc, 'html', loadPagePictures(pictures, { localPath: options.localPath, linked: options.linkedPictures }, limits), limits);
    }
    return doc;
  },
};
