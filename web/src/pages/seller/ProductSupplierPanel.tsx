import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ProductSupplierQuery, SetProductSupplierMutation } from '../../operations/supply';
import { Link } from '../../app/router';
import { UserErrors, describeError } from '../../components/states';

/**
 * Who the product is restocked from (setProductSupplier). With one, a low-stock alert writes a suggested reorder
 * draft for it (/seller/reorders).
 */
export function ProductSupplierPanel({ productId }: { productId: string }) {
  const [{ data, error }] = useQuery({ query: ProductSupplierQuery, variables: { id: productId } });
  const [saving, setSupplier] = useMutation(SetProductSupplierMutation);
  const [choice, setChoice] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!data) return error ? <p className="field-error">{describeError(error)}</p> : null;
  const current = data.product?.supplier?.id ?? '';
  const selected = choice ?? current;
  return (
    <section aria-labelledby="supplier-heading" className="panel">
      <h2 id="supplier-heading">Proveedor</h2>
      {data.suppliers.length === 0 ? (
        <p className="muted">
          Aún no tienes proveedores. <Link to="/seller/suppliers">Agrega uno</Link> para recibir sugerencias de reabastecimiento.
        </p>
      ) : (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setSaved(false);
            const result = await setSupplier({ productId, supplierId: selected || null });
            if (result.data?.setProductSupplier.product && !result.data.setProductSupplier.errors.length) {
              setSaved(true);
              setChoice(null);
            }
          }}
        >
          <div className="field">
            <label htmlFor="product-supplier">Se reabastece de</label>
            <select id="product-supplier" value={selected} onChange={(e) => setChoice(e.target.value)} aria-describedby="product-supplier-hint">
              <option value="">Sin proveedor</option>
              {data.suppliers.map((supplier) => (
                <option key={supplier.id} value={supplier.id}>
                  {supplier.name}
                </option>
              ))}
            </select>
            <small id="product-supplier-hint" className="hint">
              Con proveedor, cuando quedan pocas existencias te sugerimos un pedido.
            </small>
          </div>
          <div className="actions">
            <button type="submit" className="button secondary" disabled={saving.fetching || selected === current}>
              Guardar proveedor
            </button>
          </div>
          <UserErrors errors={saving.data?.setProductSupplier.errors} />
          {saving.error && <p role="alert" className="field-error">{describeError(saving.error)}</p>}
          {saved && <p role="status" className="success">Proveedor guardado.</p>}
        </form>
      )}
    </section>
  );
}
