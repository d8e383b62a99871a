import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { SetLowStockThresholdMutation } from '../../operations/seller';
import { UserErrors, describeError } from '../../components/states';
import { UNIT, countOf } from '../../lib/plurals';

/** The available units at or below which the product counts as low on stock and its seller is notified. */
export function LowStockThresholdPanel({ product }: { product: { id: string; lowStockThreshold: number; stock: { available: number; lowStock: boolean } } }) {
  const id = useId();
  const [threshold, setThreshold] = useState(String(product.lowStockThreshold));
  const [{ fetching, data, error }, save] = useMutation(SetLowStockThresholdMutation);
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>Aviso de pocas existencias</h2>
      <p data-testid="low-stock-threshold" data-threshold={product.lowStockThreshold}>
        Te avisamos cuando queden {countOf(product.lowStockThreshold, UNIT)} o menos disponibles
        {product.stock.lowStock ? ' (ahora mismo hay pocas)' : ''}.
      </p>
      <form
        className="row"
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(false);
          const result = await save({ productId: product.id, threshold: Number.parseInt(threshold, 10) });
          if (result.data?.setLowStockThreshold.product && !result.data.setLowStockThreshold.errors.length) setDone(true);
        }}
      >
        <div className="field narrow">
          <label htmlFor={`${id}-threshold`}>Umbral</label>
          <input id={`${id}-threshold`} type="number" inputMode="numeric" min={0} max={1_000_000} step={1} required value={threshold} onChange={(e) => setThreshold(e.target.value)} aria-describedby={`${id}-hint`} />
        </div>
        <p id={`${id}-hint`} className="hint grow-text">
          0: solo te avisamos cuando se agote.
        </p>
        <div className="field">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? 'Guardando…' : 'Guardar umbral'}
          </button>
        </div>
      </form>
      <UserErrors errors={data?.setLowStockThreshold.errors} />
      {error && <p role="alert" className="field-error">{describeError(error)}</p>}
      <p role="status" className="success">
        {done ? 'Umbral guardado.' : ''}
      </p>
    </section>
  );
}
