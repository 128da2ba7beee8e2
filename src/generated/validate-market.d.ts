// Types of validate-market.js, which scripts/validators.mjs generates from
// schemas/market.schema.json (ajv standalone code).

export interface SchemaError {
  /** The JSON pointer of the value that failed, e.g. "/locations/2/multiplier/low". */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** True when `data` matches the market schema; otherwise `validateMarket.errors` says why. */
export declare const validateMarket: ((data: unknown) => boolean) & {
  errors?: SchemaError[] | null;
};
