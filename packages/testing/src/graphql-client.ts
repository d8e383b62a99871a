/** A plain GraphQL-over-HTTP POST, as a client would send it. */
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

export async function graphqlRequest<T = any>(url: string, query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
