import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { AddFavoriteMutation, MyFavoritesQuery, RemoveFavoriteMutation } from '../operations/favorites';
import { useSession } from '../app/session';
import { describeError } from './states';

/**
 * The heart on a product card and page, for a signed-in viewer (nothing for a visitor). Whether it is pressed comes
 * from the viewer's one favourites list, which every heart and /favorites share; a click shows the new state at once,
 * then the list is read again and takes over.
 */
export function FavoriteButton({ productId, productName, inline = false }: { productId: string; productName: string; inline?: boolean }) {
  const { viewer } = useSession();
  const client = useClient();
  const [{ data }] = useQuery({ query: MyFavoritesQuery, pause: !viewer });
  const [adding, addFavorite] = useMutation(AddFavoriteMutation);
  const [removing, removeFavorite] = useMutation(RemoveFavoriteMutation);
  // What the viewer just asked for, until the list read again says the same.
  const [asked, setAsked] = useState<boolean | null>(null);
  if (!viewer) return null;
  const saved = data?.me?.favorites.some((product) => product.id === productId) ?? false;
  const pressed = asked ?? saved;
  const error = adding.error ?? removing.error;
  return (
    <>
      <button
        type="button"
        className={inline ? 'favorite-toggle inline' : 'favorite-toggle'}
        aria-pressed={pressed}
        aria-label={`Favorito: ${productName}`}
        title={pressed ? 'Quitar de favoritos' : 'Guardar en favoritos'}
        data-testid="favorite-toggle"
        disabled={!data || adding.fetching || removing.fetching}
        onClick={async () => {
          const next = !pressed;
          setAsked(next);
          const result = next ? await addFavorite({ productId }) : await removeFavorite({ productId });
          // Failed: the heart goes back to what the list says; done: the list read again says the same.
          if (!result.error) await client.query(MyFavoritesQuery, {}, { requestPolicy: 'network-only' }).toPromise();
          setAsked(null);
        }}
      >
        <span aria-hidden="true">{pressed ? '♥' : '♡'}</span>
      </button>
      {error && (
        <span role="alert" className="field-error">
          {describeError(error)}
        </span>
      )}
    </>
  );
}
