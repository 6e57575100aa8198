/**
 * Component names for the OpenAPI export. Component names must match `^[a-zA-Z0-9._-]+$`
 * (OpenAPI 3.1 components rule); names from specs are sanitised to that and made unique through
 * one registry, so a model named like a method schema cannot clash with it. PascalCase comes from
 * generator/plan/names.ts (`pascalName`), the one definition the package's names use too.
 */

/** Keeps the characters OpenAPI allows in component names, replaces the others with `_`. */
export function sanitizeComponentName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned.length > 0 ? cleaned : '_';
}

/** Hands out unique names: the first claim of a name gets it, later ones get `_2`, `_3`, ... */
export class NameRegistry {
  private readonly taken = new Set<string>();

  claim(wanted: string): string {
    const base = sanitizeComponentName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
