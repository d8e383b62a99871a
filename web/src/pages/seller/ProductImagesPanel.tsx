import { useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { ProductImagesQuery, RemoveProductImageMutation } from '../../operations/seller';
import type { EditableProductQuery } from '../../gql/graphql';
import { gatewayMediaUrl } from '../../config';
import { useSession } from '../../app/session';
import { UserErrors, describeError } from '../../components/states';
import { errorMessage } from '../../lib/error-messages';

type Product = NonNullable<EditableProductQuery['product']>;

/** What the upload route accepts; the server checks the bytes themselves as well. */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

/** Why an upload was refused, in Spanish: by the code the route answers with, else by the HTTP status. */
function uploadErrorText(status: number, body: unknown): string {
  const answer = (body ?? {}) as { error?: { code?: string }; errors?: { code?: string; extensions?: { code?: string } }[] };
  const code = answer.error?.code ?? answer.errors?.[0]?.code ?? answer.errors?.[0]?.extensions?.code;
  if (code) return errorMessage(code);
  if (status === 413) return 'La imagen pesa demasiado. Sube una más liviana.';
  if (status === 415) return 'Ese tipo de archivo no se admite: sube una foto JPEG, PNG o WebP.';
  if (status === 401) return errorMessage('UNAUTHENTICATED');
  if (status === 403) return errorMessage('FORBIDDEN');
  return errorMessage(null);
}

/**
 * The product's photographs in their order (the first is the catalog's cover): upload one (the file's bytes go to
 * POST /media/products/{id}/images on the gateway with the viewer's token; the server validates, resizes and stores
 * it) or remove one (removeProductImage).
 */
export function ProductImagesPanel({ product }: { product: Product }) {
  const { token } = useSession();
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const [removing, removeImage] = useMutation(RemoveProductImageMutation);

  async function upload(file: File) {
    setUploadError(null);
    setUploaded(false);
    if (!ACCEPTED.includes(file.type)) return setUploadError('Ese tipo de archivo no se admite: sube una foto JPEG, PNG o WebP.');
    setUploading(true);
    try {
      const response = await fetch(gatewayMediaUrl(`/media/products/${encodeURIComponent(product.id)}/images`), {
        method: 'POST',
        headers: { 'content-type': file.type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: file,
      });
      if (!response.ok) return setUploadError(uploadErrorText(response.status, await response.json().catch(() => null)));
      // The new image reaches the cache (and this panel, the catalog and the product page) with the product's images read again.
      await client.query(ProductImagesQuery, { id: product.id }, { requestPolicy: 'network-only' }).toPromise();
      setUploaded(true);
      if (input.current) input.current.value = '';
    } catch {
      setUploadError('No hay conexión con el servidor. Revisa tu conexión e inténtalo de nuevo.');
    } finally {
      setUploading(false);
    }
  }

  return (
    <section aria-labelledby="images-heading" className="panel">
      <h2 id="images-heading">Fotos</h2>
      {product.images.length === 0 ? (
        <p className="muted">Este producto aún no tiene fotos: el catálogo muestra su inicial.</p>
      ) : (
        <ul className="image-list" aria-label="Fotos del producto">
          {product.images.map((image, index) => (
            <li key={image.id} data-testid="editor-image">
              <figure>
                <img src={image.url} srcSet={image.srcSet} sizes="8rem" width={image.width} height={image.height} alt={image.alt} loading="lazy" className="product-image" />
                <figcaption className="muted">{index === 0 ? 'Portada' : `Foto ${index + 1}`}</figcaption>
              </figure>
              <button type="button" className="button link" disabled={removing.fetching} onClick={() => removeImage({ productId: product.id, imageId: image.id })}>
                Quitar <span className="visually-hidden">{index === 0 ? 'la portada' : `la foto ${index + 1}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <UserErrors errors={removing.data?.removeProductImage.errors} />
      {removing.error && <p role="alert" className="field-error">{describeError(removing.error)}</p>}
      <div className="field">
        <label htmlFor="product-image-upload">Subir una foto</label>
        <input
          ref={input}
          id="product-image-upload"
          type="file"
          accept={ACCEPTED.join(',')}
          disabled={uploading}
          aria-describedby="product-image-hint"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        <small id="product-image-hint" className="hint">
          JPEG, PNG o WebP. La guardamos en varios tamaños para que cargue rápido en cada pantalla.
        </small>
      </div>
      <p role="status" className={uploadError ? 'field-error' : 'success'}>
        {uploading ? 'Subiendo la foto…' : (uploadError ?? (uploaded ? 'Foto agregada.' : ''))}
      </p>
    </section>
  );
}
