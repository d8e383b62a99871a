import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateProductMutation, EditableProductQuery, ProductFormOptionsQuery, UpdateProductMutation } from '../../operations/seller';
import type { EditableProductQuery as EditableProductData, ProductStatus } from '../../gql/graphql';
import { Link, useRouter } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { Field } from '../../components/Field';
import { Loading, NotFound, QueryFailure, UserErrors, describeError } from '../../components/states';
import { userErrorMessage } from '../../lib/error-messages';
import { RequireSignIn } from '../../components/RequireSignIn';
import { productStatusLabel } from '../../lib/labels';
import { parsePriceInput } from '../../lib/money';
import { RestockPanel } from './RestockPanel';
import { StockMovementsTable } from './StockMovementsTable';
import { LowStockThresholdPanel } from './LowStockThresholdPanel';
import { ProductImagesPanel } from './ProductImagesPanel';
import { TransferStockPanel } from './TransferStockPanel';
import { ProductSupplierPanel } from './ProductSupplierPanel';

type EditableProduct = NonNullable<EditableProductData['product']>;

export function NewProductPage() {
  return (
    <RequireSignIn role="SELLER">
      <PageHeading>Nuevo producto</PageHeading>
      <ProductForm />
    </RequireSignIn>
  );
}

export function EditProductPage({ id }: { id: string }) {
  return (
    <RequireSignIn role="SELLER">
      <ProductEditor id={id} />
    </RequireSignIn>
  );
}

function ProductEditor({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: EditableProductQuery, variables: { id } });
  if (!data && fetching) return <Loading label="Cargando producto…" />;
  const notFound = (
    <NotFound title="Este producto no existe">
      <p>No hay un producto con este enlace entre los tuyos.</p>
      <Link to="/seller">Mis productos</Link>
    </NotFound>
  );
  if (!data) return <QueryFailure error={error} retry={() => refetch({ requestPolicy: 'network-only' })} notFound={notFound} />;
  if (!data.product) return notFound;
  const product = data.product;
  return (
    <>
      <PageHeading>{product.name}</PageHeading>
      <p>
        <Link to="/seller">← Mis productos</Link> · <Link to={`/products/${product.id}`}>Ver en la tienda</Link>
      </p>
      <div className="two-columns">
        <section aria-labelledby="edit-heading" className="panel">
          <h2 id="edit-heading">Datos del producto</h2>
          <ProductForm product={product} />
        </section>
        <RestockPanel product={product} />
      </div>
      <ProductImagesPanel product={product} />
      <TransferStockPanel product={product} />
      <ProductSupplierPanel productId={product.id} />
      <LowStockThresholdPanel product={product} />
      <StockMovementsTable productId={product.id} />
    </>
  );
}

/** Create (no product) or edit. The price stays a decimal string from input to API: no float on the way. */
function ProductForm({ product }: { product?: EditableProduct }) {
  const { navigate } = useRouter();
  const [{ data: options }] = useQuery({ query: ProductFormOptionsQuery });
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [price, setPrice] = useState(product?.price.amount.replace(/\.00$/, '') ?? '');
  const [costPrice, setCostPrice] = useState(product?.costPrice?.amount.replace(/\.00$/, '') ?? '');
  const [weight, setWeight] = useState(product?.weightGrams?.toString() ?? '');
  const [categoryId, setCategoryId] = useState(product?.category?.id ?? '');
  const [status, setStatus] = useState<ProductStatus>(product?.status ?? 'ACTIVE');
  const [creating, createProduct] = useMutation(CreateProductMutation);
  const [updating, updateProduct] = useMutation(UpdateProductMutation);
  const [saved, setSaved] = useState(false);
  const busy = creating.fetching || updating.fetching;
  const errors = (product ? updating.data?.updateProduct.errors : creating.data?.createProduct.errors) ?? [];
  const networkError = product ? updating.error : creating.error;
  const fieldError = (field: string) => {
    const error = errors.find((e) => e.field?.includes(field));
    return error && userErrorMessage(error);
  };
  const normalizedPrice = parsePriceInput(price) ?? price.trim(); // an unparseable price is left for the API to refuse with a field error
  // An empty cost is no cost: null clears the one saved, and a new product is created without one.
  const normalizedCost = costPrice.trim() ? (parsePriceInput(costPrice) ?? costPrice.trim()) : null;
  // An empty weight is no weight (shipping then counts 1000 g); anything else goes as typed, for the API to check.
  const weightGrams = weight.trim() ? Number(weight.trim()) : null;

  return (
    <form
      className="product-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        if (product) {
          const result = await updateProduct({ id: product.id, input: { name, description, price: normalizedPrice, costPrice: normalizedCost, weightGrams, categoryId: categoryId || null, status } });
          if (result.data?.updateProduct.product && !result.data.updateProduct.errors.length) setSaved(true);
        } else {
          const result = await createProduct({ input: { sku: sku.trim(), name, description, price: normalizedPrice, costPrice: normalizedCost, weightGrams, currency: 'COP', categoryId: categoryId || null, status } });
          const created = result.data?.createProduct.product;
          if (created) navigate(`/seller/products/${created.id}`);
        }
      }}
    >
      {!product && <Field label="SKU" required maxLength={64} pattern="[A-Za-z0-9_\-]+" value={sku} onChange={(e) => setSku(e.target.value)} hint="Letras, números, - y _." error={fieldError('sku')} />}
      <Field label="Nombre" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
      <div className="field">
        <label htmlFor="product-description">Descripción</label>
        <textarea id="product-description" required maxLength={5000} rows={4} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <Field
        label="Precio (COP)"
        required
        inputMode="decimal"
        pattern="[0-9.]+([,.][0-9]{1,2})?"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        hint="En pesos, p. ej. 185000 o 185.000,50"
        error={fieldError('price')}
      />
      <Field
        label="Costo por unidad (COP, opcional)"
        inputMode="decimal"
        pattern="[0-9.]+([,.][0-9]{1,2})?"
        value={costPrice}
        onChange={(e) => setCostPrice(e.target.value)}
        hint="Lo que te cuesta hacer una unidad. Solo tú y los administradores lo ven; el panel de ventas lo usa para calcular tu ganancia."
        error={fieldError('costPrice')}
      />
      <Field
        label="Peso empacado (gramos, opcional)"
        type="number"
        inputMode="numeric"
        min={1}
        max={1000000}
        step={1}
        value={weight}
        onChange={(e) => setWeight(e.target.value)}
        hint="El peso de una unidad lista para enviar; el costo del envío depende de él. Sin peso, se cotiza como 1.000 g."
        error={fieldError('weightGrams')}
      />
      <div className="field">
        <label htmlFor="product-category">Categoría</label>
        <select id="product-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">Sin categoría</option>
          {options?.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="product-status">Estado</label>
        <select id="product-status" value={status} onChange={(e) => setStatus(e.target.value as ProductStatus)}>
          {(['ACTIVE', 'DRAFT', 'ARCHIVED'] as const).map((value) => (
            <option key={value} value={value}>
              {productStatusLabel[value]}
            </option>
          ))}
        </select>
      </div>
      <UserErrors errors={errors} />
      {networkError && <p role="alert" className="field-error">{describeError(networkError)}</p>}
      {saved && <p role="status" className="success">Cambios guardados.</p>}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Guardando…' : product ? 'Guardar cambios' : 'Crear producto'}
      </button>
    </form>
  );
}
