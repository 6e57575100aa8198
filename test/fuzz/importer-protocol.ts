/** Messages between the importer family and its worker. */
export interface ImporterCase {
  id: number;
  text: string;
  file: string;
  /** Which seed and mutations made the page (for failure examples). */
  label: string;
}

export interface ImporterVerdict {
  id: number;
  failure?: string;
  example?: string;
  /** For passing cases: whether the importer wrote a spec or rejected the page cleanly. */
  outcome?: 'imported' | 'rejected';
}
