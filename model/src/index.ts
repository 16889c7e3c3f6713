export * from './contract';
export * from './paths';
export * from './deadlines';
export * from './validation';
export * from './objects';
export * from './plan';
export * from './qr';
