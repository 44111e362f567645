import xapiValidation from 'xapi-validation';

/**
 * Learning Locker's conformance-tested statement validator, as a list of readable problems (empty
 * when the statement follows the xAPI specification's rules). The package is CommonJS with an ES
 * default export, which reaches us under `default` or as the module itself depending on the loader.
 */
type Validate = (data: unknown) => Array<{ path?: unknown; message?: unknown; constructor: { name: string } }>;
const module_ = xapiValidation as unknown as { default?: Validate } & Validate;
const validate: Validate = typeof module_.default === 'function' ? module_.default : module_;

export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.constructor.name} at ${JSON.stringify(w.path)}: ${String(w.message ?? '')}`.trim());
}
