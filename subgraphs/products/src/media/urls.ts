import type { StoredImage } from '../domain/images.js';

/** A ProductImage as the API shows it (GraphQL and the upload's answer): absolute URLs under the public media URL. */
export function productImageView(image: StoredImage, productName: string, mediaPublicUrl: string) {
  const base = mediaPublicUrl.replace(/\/+$/, '');
  const renditions = image.renditions.map((r) => ({ url: `${base}/${r.storageKey}`, width: r.width, height: r.height }));
  const largest = renditions.at(-1)!;
  return {
    id: image.id,
    url: largest.url,
    width: largest.width,
    height: largest.height,
    alt: image.alt ?? productName,
    renditions,
    srcSet: renditions.map((r) => `${r.url} ${r.width}w`).join(', '),
  };
}
export type ProductImageView = ReturnType<typeof productImageView>;

/** Keys the media routes serve: a product image's rendition, or a demo illustration's. Anything else (.., %2e, NUL) is no key. */
export const MEDIA_KEY = /^(products\/[0-9a-f-]{36}\/[0-9a-f-]{36}-\d{1,5}-[0-9a-f]{16}|demo\/[a-z0-9-]{1,40}-\d{1,5}-[0-9a-f]{16})\.webp$/;
