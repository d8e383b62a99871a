import { createHash } from 'node:crypto';
import type { Metadata, Sharp } from 'sharp';

/**
 * sharp (libvips) is loaded on the first image work, not at start: loading it takes a second or more on a busy machine,
 * and most starts (every test platform) never touch an image.
 */
export const loadSharp = async () => (await import('sharp')).default;

/** The widths a photograph is served at; never wider than the upload. */
export const RENDITION_WIDTHS = [320, 640, 1280] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
/** sharp's names for the formats sellers may upload (AVIF is HEIF with AV1 compression). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

export type ImageRefusal =
  | { code: 'UNSUPPORTED_MEDIA_TYPE'; message: string }
  | { code: 'INVALID_IMAGE'; message: string }
  | { code: 'PAYLOAD_TOO_LARGE'; message: string };

export interface Rendition {
  width: number;
  height: number;
  body: Buffer;
  /** The first 16 hex digits of the WebP's SHA-256: part of its file name. */
  hash: string;
}

export interface ProcessedImage {
  /** The upload's size once EXIF-rotated. */
  width: number;
  height: number;
  renditions: Rendition[];
}

/** Whether the bytes start with a JPEG, PNG, WebP or AVIF signature: only to tell a damaged image from a non-image. */
function looksLikeAcceptedImage(body: Buffer): boolean {
  const ascii = (from: number, to: number) => body.subarray(from, to).toString('latin1');
  return (
    (body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) ||
    ascii(0, 8) === '\x89PNG\r\n\x1a\n' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') ||
    (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12)))
  );
}

/** Which widths an image this wide gets: the standard ones it can fill, or only its own width when narrower than all. */
export function renditionWidths(width: number): number[] {
  const widths = RENDITION_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

/**
 * Decides from the bytes alone (sharp reads the file's own signature and header, never the Content-Type) whether an
 * upload is an accepted photograph, then renders each width as WebP: EXIF-rotated, metadata stripped (sharp keeps
 * none unless asked). A file that starts like an image but does not decode fully (truncated, corrupt) is INVALID_IMAGE.
 */
export async function processUpload(body: Buffer): Promise<{ ok: true; image: ProcessedImage } | { ok: false; refusal: ImageRefusal }> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(body, { limitInputPixels: false }).metadata();
  } catch {
    // Unreadable: a damaged file of an accepted format, or no image at all.
    return looksLikeAcceptedImage(body)
      ? { ok: false, refusal: { code: 'INVALID_IMAGE', message: 'The image is damaged or incomplete and cannot be decoded.' } }
      : { ok: false, refusal: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The file is not a JPEG, PNG, WebP or AVIF image.' } };
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || (meta.format === 'heif' && meta.compression !== 'av1')) {
    return { ok: false, refusal: { code: 'UNSUPPORTED_MEDIA_TYPE', message: `Images must be JPEG, PNG, WebP or AVIF, not ${meta.format === 'heif' ? 'HEIC' : (meta.format ?? 'this format').toUpperCase()}.` } };
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) return { ok: false, refusal: { code: 'INVALID_IMAGE', message: 'The image has no dimensions.' } };
  if (width * height > MAX_PIXELS) {
    return { ok: false, refusal: { code: 'PAYLOAD_TOO_LARGE', message: `The image has ${Math.round((width * height) / 1e6)} megapixels; at most ${MAX_PIXELS / 1e6} are accepted.` } };
  }
  try {
    // Decoded once; failOn 'truncated' refuses a JPEG cut short instead of rendering grey where its data ends.
    const decoded = sharp(body, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).autoOrient();
    const renditions = await Promise.all(renditionWidths(width).map((w) => render(decoded.clone(), w)));
    return { ok: true, image: { width, height, renditions } };
  } catch {
    return { ok: false, refusal: { code: 'INVALID_IMAGE', message: 'The image is damaged or incomplete and cannot be decoded.' } };
  }
}

/** One WebP width of an already oriented image (also the demo illustrations, from their SVG). */
export async function render(image: Sharp, width: number): Promise<Rendition> {
  const { data, info } = await image.resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, body: data, hash: createHash('sha256').update(data).digest('hex').slice(0, 16) };
}
