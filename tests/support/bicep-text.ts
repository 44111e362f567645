/**
 * Reads the few Bicep shapes infra/ uses, from the text: no Bicep compiler can be installed from
 * the registries this project reaches, so tests check the templates as written. Each reader
 * expects the layout of infra/*.bicep (one declaration a line, two-space indentation) and throws
 * when it finds nothing, so a reformatted file fails loudly instead of passing silently.
 */

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

export function bicepParams(text: string): BicepParam[] {
  return [...text.matchAll(/^param (\w+) (\w+)( = .+)?$/gm)].map((m) => ({ name: m[1]!, type: m[2]!, hasDefault: m[3] !== undefined }));
}

export function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
}

/** `resource name 'Type@version'` and `module name 'path'` declarations, in order. */
export function bicepResourceTypes(text: string): string[] {
  return [...text.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1]!);
}

/** A `var name = [ 'a' 'b' ]` array of strings, one a line. */
export function bicepStringArray(text: string, name: string): string[] {
  const block = new RegExp(`^var ${name} = \\[\\n((?:  '[^']*'\\n)*)\\]`, 'm').exec(text);
  if (!block) throw new Error(`no string array var ${name}`);
  return [...block[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** The `{ name: 'X', value: expr }` entries of a web app's `appSettings`. */
export function bicepAppSettings(text: string): Array<{ name: string; value: string }> {
  const block = /^(\s*)appSettings: \[\n([\s\S]*?)^\1\]/m.exec(text);
  if (!block) throw new Error('no appSettings block');
  return [...block[2]!.matchAll(/^\s*\{ name: '(\w+)', value: (.+) \}$/gm)].map((m) => ({ name: m[1]!, value: m[2]! }));
}

/** Every value a `key: value` line gives the key, in order (values as written, quotes kept). */
export function bicepPropertyValues(text: string, key: string): string[] {
  return [...text.matchAll(new RegExp(`^\\s*${key}: (.+)$`, 'gm'))].map((m) => m[1]!.trim());
}

/** The `name:` expression of the resource declared with that symbolic name (loops included). */
export function bicepResourceName(text: string, symbol: string): string {
  const m = new RegExp(`^resource ${symbol} '[^']+' = (?:\\[\\n\\s*for \\w+ in \\w+: )?\\{\\n(?:\\s+.*\\n)*?\\s+name: (.+)$`, 'm').exec(
    text,
  );
  if (!m) throw new Error(`no resource ${symbol}`);
  return m[1]!.trim();
}

/** `module symbol 'path' = { … params: { key: expr … } }`: which file, and the params it is given. */
export function bicepModules(text: string): Array<{ symbol: string; path: string; params: Record<string, string> }> {
  return [...text.matchAll(/^module (\w+) '([^']+)' = \{\n([\s\S]*?)^\}/gm)].map((m) => {
    const params = /^ {2}params: \{\n([\s\S]*?)^ {2}\}/m.exec(m[3]!);
    if (!params) throw new Error(`module ${m[1]!} has no params block`);
    const entries = [...params[1]!.matchAll(/^ {4}(\w+): (.+)$/gm)].map((p) => [p[1]!, p[2]!.trim()] as const);
    return { symbol: m[1]!, path: m[2]!, params: Object.fromEntries(entries) };
  });
}

/**
 * Evaluates the small expressions infra/ uses for names and settings: a string literal with
 * `${name}` and `${toLower(name)}` interpolations, or a bare name, looked up in `values`.
 */
export function evaluateBicep(expression: string, values: Readonly<Record<string, string>>): string {
  const lookup = (name: string): string => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${name} in ${expression}`);
    return value;
  };
  const literal = /^'(.*)'$/.exec(expression);
  if (!literal) return lookup(expression);
  return literal[1]!.replace(/\$\{(?:toLower\((\w+)\)|(\w+))\}/g, (_whole, lowered: string | undefined, plain: string | undefined) =>
    lowered !== undefined ? lookup(lowered).toLowerCase() : lookup(plain!),
  );
}
