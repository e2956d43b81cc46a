/** A formula that cannot be evaluated: a Chinese message and the 0-based offset it concerns. */
export class FormulaError extends Error {
  constructor(message: string, readonly at: number | null) {
    super(message);
    this.name = 'FormulaError';
  }
}
