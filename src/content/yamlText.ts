// The one way content YAML is read and written. js-yaml with its core schema (YAML 1.2: "yes" stays
// text, dates stay text) parses the knowledge folder about three times faster than the `yaml`
// package, which was the largest single cost of start-up after loading code.
import jsYaml from 'js-yaml';

export function parseYaml(text: string): unknown {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}

/** YAML text for `data`, as editors would write it (used by tests and benchmarks to make content). */
export function stringifyYaml(data: unknown): string {
  return jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA, lineWidth: 100 });
}
