import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MyAddressesQuery, RemoveAddressMutation } from '../operations/addresses';
import type { AddressFieldsFragment } from '../gql/graphql';
import { AddressForm, AddressText } from './AddressForm';
import { Empty, ErrorState, Loading, UserErrors, describeError } from './states';

/**
 * The viewer's saved addresses with add and edit in place; with `choice` (the checkout) each is a radio button,
 * otherwise (the profile) each can also be removed. A new or edited address becomes the chosen one.
 */
export function AddressBook({ choice }: { choice?: { value: string | null; onChange: (address: AddressFieldsFragment) => void } }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyAddressesQuery, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, removeAddress] = useMutation(RemoveAddressMutation);
  if (!data && fetching) return <Loading label="Cargando tus direcciones…" />;
  if (!data?.me) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const addresses = data.me.addresses;
  const saved = (address: AddressFieldsFragment) => {
    setEditing(null);
    choice?.onChange(address);
  };
  return (
    <div data-testid="address-book">
      {addresses.length === 0 && editing !== 'new' && (
        <Empty>
          <p>Aún no tienes direcciones guardadas.</p>
        </Empty>
      )}
      <ul className="address-list" aria-label="Direcciones guardadas">
        {addresses.map((address) =>
          editing === address.id ? (
            <li key={address.id}>
              <AddressForm address={address} onSaved={saved} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={address.id} className="address-option" data-testid="saved-address" data-address-id={address.id}>
              {choice && <input type="radio" name="shipping-address" id={`address-${address.id}`} checked={choice.value === address.id} onChange={() => choice.onChange(address)} />}
              <div>
                {choice ? (
                  <label htmlFor={`address-${address.id}`}>
                    <AddressText address={address} />
                  </label>
                ) : (
                  <AddressText address={address} />
                )}
                <div className="actions">
                  <button type="button" className="button link" onClick={() => setEditing(address.id)}>
                    Editar <span className="visually-hidden">la dirección de {address.recipient}, {address.line1}</span>
                  </button>
                  {!choice && (
                    <button type="button" className="button link" disabled={removing.fetching} onClick={() => removeAddress({ id: address.id })}>
                      Eliminar <span className="visually-hidden">la dirección de {address.recipient}, {address.line1}</span>
                    </button>
                  )}
                </div>
              </div>
            </li>
          ),
        )}
      </ul>
      <UserErrors errors={removing.data?.removeAddress.errors} />
      {removing.error && <p role="alert" className="field-error">{describeError(removing.error)}</p>}
      {editing === 'new' ? (
        <AddressForm onSaved={saved} onCancel={() => setEditing(null)} />
      ) : (
        <p>
          <button type="button" className="button secondary" onClick={() => setEditing('new')}>
            Agregar una dirección
          </button>
        </p>
      )}
    </div>
  );
}
