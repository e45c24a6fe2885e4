/** The products feature's public surface (other features import only this). */
export { findProduct } from './find-product.ts';
export { registerProduct, type NewProduct } from './register-product.ts';
export { assignProductCodeIfMissing } from './assign-product-code.ts';
export { formatProductCode } from './product-code.ts';
export { canReadProduct } from './products.policy.ts';
export { product as productSchema, type Product } from './products.schemas.ts';
export { listProductsOfProducers, type KnownProduct } from './products.repository.ts';
export { findImportedProductBlockers, removeImportedProducts } from './remove-imported-products.ts';
