import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { AddAddressMutation, UpdateAddressMutation } from '../operations/addresses';
import type { AddressFieldsFragment, AddressInput } from '../gql/graphql';
import { Field } from './Field';
import { UserErrors, describeError } from './states';
import { userErrorMessage } from '../lib/error-messages';

/** Colombia's departments and its capital district, as shipping prices them (Address.region). */
export const DEPARTMENTS = [
  'Amazonas', 'Antioquia', 'Arauca', 'Archipiélago de San Andrés, Providencia y Santa Catalina', 'Atlántico', 'Bogotá D.C.', 'Bolívar', 'Boyacá', 'Caldas', 'Caquetá', 'Casanare', 'Cauca',
  'Cesar', 'Chocó', 'Córdoba', 'Cundinamarca', 'Guainía', 'Guaviare', 'Huila', 'La Guajira', 'Magdalena', 'Meta', 'Nariño',
  'Norte de Santander', 'Putumayo', 'Quindío', 'Risaralda', 'Santander', 'Sucre', 'Tolima',
  'Valle del Cauca', 'Vaupés', 'Vichada',
] as const;

/** Fields that show their own error beside them; any other error is listed under the form. */
const SHOWN_FIELDS = new Set(['recipient', 'line1', 'line2', 'city', 'region', 'postalCode', 'phone']);

/** Empty optional fields go to the API as null, not as empty strings. */
const optional = (value: string) => (value.trim() ? value.trim() : null);

/** A new address (no address) or an edit of a saved one; `onSaved` gets the saved address. */
export function AddressForm({ address, onSaved, onCancel }: { address?: AddressFieldsFragment; onSaved: (address: AddressFieldsFragment) => void; onCancel?: () => void }) {
  const id = useId();
  const [recipient, setRecipient] = useState(address?.recipient ?? '');
  const [line1, setLine1] = useState(address?.line1 ?? '');
  const [line2, setLine2] = useState(address?.line2 ?? '');
  const [city, setCity] = useState(address?.city ?? '');
  const [region, setRegion] = useState(address?.region ?? '');
  const [postalCode, setPostalCode] = useState(address?.postalCode ?? '');
  const [phone, setPhone] = useState(address?.phone ?? '');
  const [adding, addAddress] = useMutation(AddAddressMutation);
  const [updating, updateAddress] = useMutation(UpdateAddressMutation);
  const busy = adding.fetching || updating.fetching;
  const errors = (address ? updating.data?.updateAddress.errors : adding.data?.addAddress.errors) ?? [];
  const networkError = address ? updating.error : adding.error;
  const fieldError = (field: string) => {
    const error = errors.find((e) => e.field?.includes(field));
    return error && userErrorMessage(error);
  };
  // A saved address in a region spelled otherwise stays choosable as it is.
  const regions = region && !(DEPARTMENTS as readonly string[]).includes(region) ? [region, ...DEPARTMENTS] : DEPARTMENTS;

  return (
    <form
      className="address-form panel"
      aria-label={address ? 'Editar dirección' : 'Nueva dirección'}
      onSubmit={async (event) => {
        event.preventDefault();
        const input: AddressInput = { recipient: recipient.trim(), line1: line1.trim(), line2: optional(line2), city: city.trim(), region, postalCode: optional(postalCode), country: 'CO', phone: optional(phone) };
        const result = address ? await updateAddress({ id: address.id, input }) : await addAddress({ input });
        const saved = result.data && ('updateAddress' in result.data ? result.data.updateAddress.address : result.data.addAddress.address);
        if (saved) onSaved(saved);
      }}
    >
      <h3>{address ? 'Editar dirección' : 'Nueva dirección'}</h3>
      <Field label="Quién recibe" required maxLength={200} autoComplete="name" value={recipient} onChange={(e) => setRecipient(e.target.value)} error={fieldError('recipient')} />
      <Field label="Dirección" required maxLength={200} autoComplete="address-line1" placeholder="Calle 10 # 5-51" value={line1} onChange={(e) => setLine1(e.target.value)} error={fieldError('line1')} />
      <Field label="Apartamento, oficina, barrio (opcional)" maxLength={200} autoComplete="address-line2" value={line2} onChange={(e) => setLine2(e.target.value)} error={fieldError('line2')} />
      <div className="row">
        <Field label="Ciudad o municipio" required maxLength={100} autoComplete="address-level2" value={city} onChange={(e) => setCity(e.target.value)} error={fieldError('city')} />
        <div className="field">
          <label htmlFor={`${id}-region`}>Departamento</label>
          <select id={`${id}-region`} required autoComplete="address-level1" value={region} onChange={(e) => setRegion(e.target.value)} aria-invalid={fieldError('region') ? true : undefined}>
            <option value="">Elige uno</option>
            {regions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {fieldError('region') && <small className="field-error">{fieldError('region')}</small>}
        </div>
      </div>
      <div className="row">
        <Field label="Código postal (opcional)" maxLength={20} inputMode="numeric" autoComplete="postal-code" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} error={fieldError('postalCode')} />
        <Field label="Teléfono (opcional)" type="tel" maxLength={30} autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError('phone')} />
      </div>
      <p className="hint">Por ahora enviamos solo dentro de Colombia.</p>
      <UserErrors errors={errors.filter((e) => !e.field?.some((part) => SHOWN_FIELDS.has(part)))} />
      {networkError && <p role="alert" className="field-error">{describeError(networkError)}</p>}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Guardando…' : address ? 'Guardar dirección' : 'Agregar dirección'}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancelar
          </button>
        )}
      </div>
    </form>
  );
}

/** An address as a few lines of text. */
export function AddressText({ address }: { address: AddressFieldsFragment }) {
  return (
    <address data-testid="address">
      <strong>{address.recipient}</strong>
      <br />
      {address.line1}
      {address.line2 ? `, ${address.line2}` : ''}
      <br />
      {address.city}, {address.region}
      {address.postalCode ? ` ${address.postalCode}` : ''}
      {address.phone && (
        <>
          <br />
          Tel. {address.phone}
        </>
      )}
    </address>
  );
}
