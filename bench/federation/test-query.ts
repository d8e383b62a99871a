/**
 * The TestQuery of The Guild's federation benchmark (its k6.js) and the response every gateway must return for it
 * over these subgraphs (expected-response.json: the reference's expected response, produced here by stock
 * @apollo/gateway and checked against the reference's expectedStructure).
 */
import { readFileSync } from 'node:fs';

export const TEST_QUERY = `fragment User on User {
  id
  username
  name
}

fragment Review on Review {
  id
  body
}

fragment Product on Product {
  inStock
  name
  price
  shippingEstimate
  upc
  weight
}

query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }
  }
  topProducts {
    ...Product
    reviews {
      ...Review
      author {
        ...User
        reviews {
          ...Review
          product {
            ...Product
          }
        }
      }
    }
  }
}
`;

/** The POST body the load generator sends. */
export const TEST_QUERY_BODY = JSON.stringify({ query: TEST_QUERY });

/** The expected response, compact JSON as the gateways serialize it (without a trailing newline). */
export const EXPECTED_RESPONSE_BODY = JSON.stringify(JSON.parse(readFileSync(new URL('./expected-response.json', import.meta.url), 'utf8')));
