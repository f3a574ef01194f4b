/** The TIFF writer lives with the variety generator, which writes TIFF variants; tests share it. */
export { grayTiff } from '../../tools/variety/render/tiff.js';
