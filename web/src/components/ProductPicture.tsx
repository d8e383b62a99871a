import type { ProductImageFieldsFragment } from '../gql/graphql';

/**
 * A product's cover (its first image) with every rendition in srcset, so the browser downloads the narrowest that
 * fills `sizes` at the screen's density; width and height reserve the box before it loads (no layout shift). Without
 * images, the letter tile it always had.
 */
export function ProductPicture({ name, images, sizes, variant, decorative = false }: { name: string; images: readonly ProductImageFieldsFragment[]; sizes: string; variant: 'thumb' | 'hero'; decorative?: boolean }) {
  const cover = images[0];
  if (!cover)
    return (
      <span className={`product-${variant}`} aria-hidden="true">
        {name.slice(0, 1)}
      </span>
    );
  return (
    <img
      className={`product-${variant} product-image`}
      src={cover.url}
      srcSet={cover.srcSet}
      sizes={sizes}
      width={cover.width}
      height={cover.height}
      // On a card the product's name follows inside the same link: the picture would only say it twice.
      alt={decorative ? '' : cover.alt}
      loading="lazy"
      decoding="async"
      data-testid="product-image"
    />
  );
}

/** The catalog grid: two columns on a phone, columns of about 220-260 px from a tablet up (styles.css). */
export const CARD_IMAGE_SIZES = '(max-width: 600px) 50vw, 260px';
/** The product page: the whole width on a phone, two fifths of the 1100 px page beside the text from 760 px. */
export const HERO_IMAGE_SIZES = '(max-width: 759px) 100vw, 440px';
