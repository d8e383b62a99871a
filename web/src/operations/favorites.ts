import { graphql } from '../gql';

/** The viewer's favourites, most recent first: the /favorites page and every heart read this one list. */
export const MyFavoritesQuery = graphql(`
  query MyFavorites {
    me { id favorites { ...ProductCard status } }
  }
`);

export const AddFavoriteMutation = graphql(`
  mutation AddFavorite($productId: ID!) {
    addFavorite(productId: $productId)
  }
`);

export const RemoveFavoriteMutation = graphql(`
  mutation RemoveFavorite($productId: ID!) {
    removeFavorite(productId: $productId)
  }
`);
