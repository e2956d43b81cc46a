export * from './model';
export { FakeRequestContext, FakeRichApiError, PAYLOAD_LIMIT_BYTES, MAX_READ_CELLS, MAX_ADDRESS_CHARS, MAX_MERGED_AREAS, MAX_COLUMN_WIDTH_PT, MAX_INDENT_LEVEL, MAX_FONT_PT, typedInput, fillFace } from './client';
export { installFakeOffice, fakeOfficeGlobals } from './install';
