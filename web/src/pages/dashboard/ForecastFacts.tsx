import type { ForecastAccuracyFieldsFragment as Accuracy } from '../../gql/graphql';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatPercent, modelLabel } from '../../lib/analytics';

/** "18,2 % (línea base 25,3 %): mejor que repetir la semana anterior". */
export function accuracySentence(accuracy: Accuracy): string {
  const verdict = accuracy.smape < accuracy.baselineSmape ? 'mejor que repetir la semana anterior' : 'no mejora a repetir la semana anterior';
  return `sMAPE ${formatPercent(accuracy.smape)} frente a ${formatPercent(accuracy.baselineSmape)} de la línea base: ${verdict}`;
}

/** The chosen model's back-test, then every model tried on the same held-out days. */
export function ForecastAccuracy({ accuracy, models }: { accuracy: Accuracy | null; models: readonly Accuracy[] }) {
  if (!accuracy) return <p className="muted">La precisión se mide en el próximo cálculo de pronósticos.</p>;
  return (
    <>
      <p data-testid="forecast-accuracy" data-model={accuracy.model} data-smape={accuracy.smape} data-baseline-smape={accuracy.baselineSmape}>
        Modelo elegido: <strong>{modelLabel(accuracy.model)}</strong>. Probado con los últimos {accuracy.window} días ocultos: {accuracySentence(accuracy)}
        {accuracy.mape !== null && `; MAPE ${formatPercent(accuracy.mape)}`}.
      </p>
      {models.length > 1 && (
        <ResponsiveTable
          caption="Modelos probados sobre los mismos días"
          rows={models}
          rowKey={(model) => model.model}
          columns={[
            { header: 'Modelo', cell: (model) => modelLabel(model.model), rowHeader: true },
            { header: 'sMAPE', cell: (model) => formatPercent(model.smape) },
            { header: 'MAPE', cell: (model) => (model.mape === null ? '—' : formatPercent(model.mape)) },
            { header: 'Línea base (sMAPE)', cell: (model) => formatPercent(model.baselineSmape) },
          ]}
        />
      )}
    </>
  );
}
