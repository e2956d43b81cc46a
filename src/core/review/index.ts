export * from './model';
export * from './sheet-names';
export * from './text-size';
